package com.promises.core.account;

import org.junit.jupiter.api.Test;

import static com.promises.core.account.AccountFixtures.*;

class RegisteringCustomersTest {

    @Test
    void aNewCustomerIsRegisteredInOneCurrency() {
        account().givenNoPriorActivity()
                .when(new RegisterCustomer(CUSTOMER, "Hotel Zhonghua", "CNY"))
                .expectEvents(new CustomerRegistered(CUSTOMER, "Hotel Zhonghua", "CNY", NOW))
                .expectResultMessagePayload(Registration.CREATED);
    }

    @Test
    void theSameRegistrationAgainChangesNothing() {
        account().given(registered())
                .when(new RegisterCustomer(CUSTOMER, "Hotel Zhonghua", "CNY"))
                .expectNoEvents()
                .expectResultMessagePayload(Registration.UNCHANGED);
    }

    @Test
    void aConflictingRegistrationIsRefused() {
        account().given(registered())
                .when(new RegisterCustomer(CUSTOMER, "Hotel Zhonghua", "USD"))
                .expectNoEvents()
                .expectException(rejected(Rejection.CUSTOMER_ALREADY_REGISTERED,
                        Refusals.CONFLICTING_REGISTRATION.formatted(CUSTOMER, "Hotel Zhonghua", "CNY")));
    }

    @Test
    void aCurrencyThatIsNotIso4217IsRefused() {
        account().givenNoPriorActivity()
                .when(new RegisterCustomer(CUSTOMER, "Hotel Zhonghua", "RMB"))
                .expectNoEvents()
                .expectException(rejected(Rejection.INVALID_CURRENCY));
    }

    @Test
    void aCustomerNeedsAName() {
        account().givenNoPriorActivity()
                .when(new RegisterCustomer(CUSTOMER, "  ", "CNY"))
                .expectNoEvents()
                .expectException(rejected(Rejection.INVALID_NAME));
    }
}
