package com.promises.api.web.customer;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The customer as registered")
record RegisterCustomerResponse(@Schema(example = "hotel-zhonghua", requiredMode = Schema.RequiredMode.REQUIRED) String customerId,
                                @Schema(example = "Hotel Zhonghua", requiredMode = Schema.RequiredMode.REQUIRED) String name,
                                @Schema(example = "CNY", requiredMode = Schema.RequiredMode.REQUIRED) String currency) {
}
