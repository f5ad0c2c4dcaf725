package com.promises.api.customer;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The customer as registered")
record CustomerRegistration(@Schema(example = "hotel-zhonghua") String customerId,
                            @Schema(example = "Hotel Zhonghua") String name,
                            @Schema(example = "CNY") String currency) {
}
