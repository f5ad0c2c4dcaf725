package com.promises.api.web.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.promises.projections.audit.CustomerAudit;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A customer's history as an NDJSON download, one event a line, for the API and the console alike. */
public final class HistoryDownload {

    private HistoryDownload() {
    }

    /** Each event of the history as JSON on a line of its own, streamed as the history is read. */
    public static StreamingResponseBody events(CustomerAudit audit, ObjectMapper json, String customerId) {
        return out -> audit.stream(customerId, event -> {
            try {
                out.write(json.writeValueAsBytes(event));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static ResponseEntity<StreamingResponseBody> attachment(String fileName, StreamingResponseBody body) {
        return ResponseEntity.ok()
                .contentType(new MediaType("application", "x-ndjson", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .body(body);
    }
}
