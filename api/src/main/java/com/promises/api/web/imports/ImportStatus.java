package com.promises.api.web.imports;

import com.promises.api.imports.ImportProgress;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(description = "Where an import stands")
record ImportStatus(
        @Schema(example = "0b6f2d2e-5c1a-4f4e-9a0e-3d7c2b1a9f10", requiredMode = Schema.RequiredMode.REQUIRED) UUID importId,
        @Schema(example = "RUNNING", requiredMode = Schema.RequiredMode.REQUIRED,
                description = "RUNNING; DONE: every line was applied, already applied or refused; FAILED: the import stopped "
                        + "(the service was stopped or lost), see failure") ImportProgress.Status status,
        @Schema(example = "The service was stopped while the file was applied. Post the same file again: lines already applied are skipped.",
                description = "Why it FAILED") String failure,
        @Schema(example = "10000", requiredMode = Schema.RequiredMode.REQUIRED, description = "Lines in the file that are not blank") long lines,
        @Schema(example = "6200", requiredMode = Schema.RequiredMode.REQUIRED, description = "Lines applied by this import") long applied,
        @Schema(example = "0", requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Lines an earlier post of the same file applied; skipped") long alreadyApplied,
        @Schema(example = "2", requiredMode = Schema.RequiredMode.REQUIRED, description = "All refused lines, listed or not") long refusedCount,
        @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The refused lines, by line number (the first promises.imports.kept-refusals of them)"))
        List<RefusedLine> refused,
        @Schema(example = "1450.5", requiredMode = Schema.RequiredMode.REQUIRED, description = "Events stored per second of running") double eventsPerSecond,
        @Schema(example = "3", description = "Estimated from the pace so far; 0 once ended; absent before the first line") Long secondsLeft) {

    @Schema(description = "A line that was not applied, with the problem its command would have had over HTTP")
    record RefusedLine(@Schema(example = "17", requiredMode = Schema.RequiredMode.REQUIRED, description = "1 is the first line of the file") long line,
                       @Schema(example = "CUSTOMER_NOT_FOUND", requiredMode = Schema.RequiredMode.REQUIRED) String code,
                       @Schema(example = "No customer hotel-zhonghua is registered.", requiredMode = Schema.RequiredMode.REQUIRED) String detail) {
    }

    static ImportStatus of(ImportProgress progress) {
        return new ImportStatus(progress.importId(), progress.status(), progress.failure(), progress.lines(), progress.applied(),
                progress.alreadyApplied(), progress.refusedCount(),
                progress.refused().stream().map(line -> new RefusedLine(line.line(), line.code(), line.detail())).toList(),
                progress.eventsPerSecond(), progress.secondsLeft());
    }
}
