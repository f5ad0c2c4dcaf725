package com.promises.projections;

/** A read asked about a customer the event history has never heard of. */
public class CustomerNotFoundException extends RuntimeException {

    private final String customerId;

    public CustomerNotFoundException(String customerId) {
        super("There is no customer " + customerId);
        this.customerId = customerId;
    }

    public String customerId() {
        return customerId;
    }
}
