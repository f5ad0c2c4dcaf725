package com.promises.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Holds every exchange of the HTTP tests to the OpenAPI document: the committed copy, api/openapi.json,
 * which OpenApiDocumentTest proves equal to the one the service serves. An answer the document does not
 * describe (a status, a field, a type, a media type, a missing required field) fails the test that got it.
 * So does a request the document forbids when the service accepted it, since clients built from the
 * document could not send it; a forbidden request the service refuses (4xx) is a test of bad input, and fine.
 * Only /api/** is described; a CORS preflight (OPTIONS) is the browser's, never in an OpenAPI document.
 */
final class Contract {

    /** From the api module, where Maven runs the tests. */
    static final Path DOCUMENT = Path.of("openapi.json");

    private static final Set<String> NO_SUCH_OPERATION = Set.of(
            "validation.request.path.missing", "validation.request.operation.notAllowed");

    private Contract() {
    }

    /**
     * @param requestBody  null for none
     * @param checkRequest false when the test streamed a body this cannot see, or sent on purpose what the service
     *                     tolerates and the document does not advertise: then only the answer is checked
     */
    static void check(String method, URI uri, Map<String, String> requestHeaders, String requestBody,
                      HttpResponse<String> response, boolean checkRequest) {
        String path = uri.getRawPath();
        if (!path.startsWith("/api/") || method.equals("OPTIONS")) {
            return;
        }
        int status = response.statusCode();
        boolean refused = status >= 400 && status < 500;
        ValidationReport request = Validator.INSTANCE.validateRequest(request(method, uri, requestHeaders, requestBody));
        if (request.getMessages().stream().anyMatch(message -> NO_SUCH_OPERATION.contains(message.getKey()))) {
            if (!refused) {
                throw failure("an operation the document does not have answered", method, uri, response, request);
            }
            return;
        }
        if (checkRequest && request.hasErrors() && !refused) {
            throw failure("the service accepted a request the document does not allow", method, uri, response, request);
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(status);
        response.headers().map().forEach(answer::withHeader);
        if (!response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        ValidationReport report = Validator.INSTANCE.validateResponse(path, Request.Method.valueOf(method), answer.build());
        if (report.hasErrors()) {
            throw failure("the answer is not as the document describes it", method, uri, response, report);
        }
    }

    private static Request request(String method, URI uri, Map<String, String> headers, String body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method.toUpperCase(Locale.ROOT), uri.getRawPath());
        headers.forEach(request::withHeader);
        if (body != null) {
            request.withBody(body);
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                request.withQueryParam(decoded(name), decoded(value));
            }
        }
        return request.build();
    }

    private static String decoded(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static AssertionError failure(String what, String method, URI uri, HttpResponse<String> response,
                                          ValidationReport report) {
        String body = response.body().length() > 2000 ? response.body().substring(0, 2000) + "..." : response.body();
        return new AssertionError("Against api/openapi.json, " + what + ": " + method + " " + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " -> " + response.statusCode() + " "
                + body + "\n" + SimpleValidationReportFormat.getInstance().apply(report));
    }

    /** Read once per test JVM. */
    private static final class Validator {

        static final OpenApiInteractionValidator INSTANCE = OpenApiInteractionValidator
                .createForInlineApiSpecification(read(DOCUMENT))
                .build();

        private static String read(Path document) {
            try {
                return Files.readString(document);
            } catch (IOException e) {
                throw new UncheckedIOException("The committed OpenAPI document, " + document.toAbsolutePath(), e);
            }
        }
    }
}
