package com.promises.api.web.customer;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The customer as registered")
record RegisterCustomerResponse(@Schema(example = "hotel-zhonghua") String customerId,
                            @Schema(example = "Hotel Zhonghua") String name,
                            @Schema(example = "CNY") String currency) {
}
