package com.promises.projections.summary;

import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/** The stored views, read and written a processor batch at a time ({@link ViewBatch}). */
@Component
class BatchedCustomerViews implements CustomerViews {

    private final CustomerViewStore store;

    BatchedCustomerViews(CustomerViewStore store) {
        this.store = store;
    }

    @Override
    public void open(String customerId, long sequence, Consumer<CustomerView> change) {
        ViewBatch.current(store).open(customerId, sequence, change);
    }

    @Override
    public void change(String customerId, long sequence, Consumer<CustomerView> change) {
        ViewBatch.current(store).change(customerId, sequence, change);
    }

    @Override
    public void touch(String customerId, long sequence) {
        ViewBatch.current(store).touch(customerId, sequence);
    }

    @Override
    public void clear() {
        store.clear();
    }
}
