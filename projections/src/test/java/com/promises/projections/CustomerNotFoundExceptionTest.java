package com.promises.projections;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerNotFoundExceptionTest {

    @Test
    void aCustomerNotFoundNamesTheCustomerAskedAbout() {
        CustomerNotFoundException notFound = new CustomerNotFoundException("C-404");

        assertThat(notFound.customerId()).isEqualTo("C-404");
        assertThat(notFound).hasMessage("There is no customer C-404");
    }
}
