package com.promises.api.web.dispute;

import com.promises.api.web.input.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(description = "How a dispute was settled")
public record ResolveDisputeRequest(
        @NotNull @Schema(example = "false", description = "true: the customer was right and the promise is withdrawn; "
                + "false: the promise stands again, its dates moved by the time the dispute took") Boolean upheld,
        @Size(max = 2000) @PlainText @Schema(example = "Delivery note signed by their storekeeper") String note) {
}
