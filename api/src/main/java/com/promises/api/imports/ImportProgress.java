package com.promises.api.imports;

import java.util.List;
import java.util.UUID;

/** Where an import stands, as recorded. */
public record ImportProgress(UUID importId, Status status, String failure, long lines, long applied, long alreadyApplied,
                             long refusedCount, List<RefusedLine> refused, double eventsPerSecond, Long secondsLeft) {

    public enum Status { RUNNING, DONE, FAILED }

    /** A line that was not applied, with the problem it would have had as an HTTP request. */
    public record RefusedLine(long line, String code, String detail) {
    }
}
