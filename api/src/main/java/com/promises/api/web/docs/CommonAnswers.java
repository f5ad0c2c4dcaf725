package com.promises.api.web.docs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.List;
import java.util.stream.Stream;

/**
 * What every operation shares, so that a controller only describes what is particular to it: Basic
 * authentication, the X-Correlation-Id and Idempotency-Key headers, and the problems any request may
 * meet, each an application/problem+json {@code Problem}. A problem answer a controller declares (a 404
 * or 409 with its codes) gets the same content.
 */
final class CommonAnswers implements OpenApiCustomizer {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "Problem";
    private static final String CORRELATION_ID = "CorrelationId";
    private static final String IDEMPOTENCY_KEY = "IdempotencyKey";
    private static final String IDEMPOTENT_REPLAYED = "IdempotentReplayed";
    private static final String HEADERS = "#/components/headers/";

    /** Status, the name of the shared answer, and what it means. */
    private record Shared(String status, String name, String description) {
    }

    private static final List<Shared> ANY_REQUEST = List.of(
            new Shared("400", "BadRequest", "VALIDATION_FAILED, MALFORMED_JSON or INVALID_IDEMPOTENCY_KEY: "
                    + "a field, a path id or a header is not acceptable; see errors"),
            new Shared("401", "Unauthorized", "UNAUTHORIZED: no or wrong credentials"),
            new Shared("403", "Forbidden", "FORBIDDEN: the user's role does not allow this"),
            new Shared("429", "TooManySignInFailures", "TOO_MANY_SIGN_IN_FAILURES: too many failed sign-ins for this user "
                    + "or from this address; try again after Retry-After seconds"),
            new Shared("500", "InternalError", "INTERNAL_ERROR: logged under the reference the answer quotes"),
            new Shared("503", "ServiceUnavailable", "SERVICE_UNAVAILABLE: the database is not reachable; try again shortly"));

    private static final List<Shared> COMMANDS_ALSO = List.of(
            new Shared("409", "Conflict", "IDEMPOTENCY_KEY_IN_USE (the first request with this key still runs) "
                    + "or CONCURRENT_MODIFICATION"),
            new Shared("413", "PayloadTooLarge", "PAYLOAD_TOO_LARGE: the body is over promises.http.max-body-size"),
            new Shared("415", "UnsupportedMediaType", "UNSUPPORTED_MEDIA_TYPE: send application/json"),
            new Shared("422", "Unprocessable", "IDEMPOTENCY_KEY_REUSED: the key came before with another body"));

    private static final List<Shared> ANY_COMMAND = Stream.concat(ANY_REQUEST.stream(), COMMANDS_ALSO.stream()).toList();

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents();
        components.addSchemas(PROBLEM, ProblemSchema.problem());
        components.addSchemas(ProblemSchema.FIELD_PROBLEM, ProblemSchema.fieldProblem());
        components.addParameters(CORRELATION_ID, new HeaderParameter().name("X-Correlation-Id").required(false)
                .description("Ties the request to its events and log lines. Kept when it is a plain token of 1-128 "
                        + "characters from A-Z, a-z, 0-9 and ._:-; anything else is replaced by one the service makes")
                .schema(new StringSchema().example("req-7f3a9c")));
        components.addParameters(IDEMPOTENCY_KEY, new HeaderParameter().name("Idempotency-Key").required(false)
                .description("1-255 visible characters. A retry with the same key and body gets the first answer and "
                        + "records nothing new; the same key with another body is 422. Kept at least 24 hours.")
                .schema(new StringSchema().pattern("^[\\x21-\\x7E]{1,255}$").example("3f1c9a52-7d44-4a8e-9a55-0e1b2f6b9c10")));
        components.addHeaders(CORRELATION_ID, new Header().description("The request's correlation id, also in its events")
                .schema(new StringSchema().example("req-7f3a9c")));
        components.addHeaders(IDEMPOTENT_REPLAYED, new Header()
                .description("true: the first answer to this Idempotency-Key, replayed; nothing new was recorded")
                .schema(new BooleanSchema().example(true)));
        for (Shared shared : ANY_COMMAND) {
            components.addResponses(shared.name(), problemAnswer(new ApiResponse().description(shared.description())));
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                describe(operation, method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT)));
    }

    private static void describe(Operation operation, boolean command) {
        operation.addParametersItem(new Parameter().$ref("#/components/parameters/" + CORRELATION_ID));
        if (command) {
            operation.addParametersItem(new Parameter().$ref("#/components/parameters/" + IDEMPOTENCY_KEY));
        }
        operation.setSecurity(List.of(new SecurityRequirement().addList(OpenApiConfiguration.BASIC)));
        ApiResponses responses = operation.getResponses();
        responses.forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeaderObject("X-Correlation-Id", new Header().$ref(HEADERS + CORRELATION_ID));
                if (command) {
                    response.addHeaderObject("Idempotent-Replayed", new Header().$ref(HEADERS + IDEMPOTENT_REPLAYED));
                }
            } else {
                problemAnswer(response);
            }
        });
        for (Shared shared : command ? ANY_COMMAND : ANY_REQUEST) {
            ApiResponse declared = responses.get(shared.status());
            if (declared == null) {
                responses.addApiResponse(shared.status(), new ApiResponse().$ref("#/components/responses/" + shared.name()));
            } else {
                declared.description(declared.getDescription() + "; or " + shared.description());
            }
        }
    }

    private static ApiResponse problemAnswer(ApiResponse response) {
        return response
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))
                .addHeaderObject("X-Correlation-Id", new Header().$ref(HEADERS + CORRELATION_ID));
    }

    /** RFC 9457 problem details as this service writes them (infrastructure.problem.Problems). */
    private static final class ProblemSchema {

        static final String FIELD_PROBLEM = "FieldProblem";

        private ProblemSchema() {
        }

        @SuppressWarnings("rawtypes")
        static Schema problem() {
            // A JSON node on a plain schema: a Map example is written as its toString(), an ObjectSchema's as text.
            ObjectNode example = JsonNodeFactory.instance.objectNode()
                    .put("type", "urn:promises:problem:inside-quiet-days")
                    .put("title", "Conflict")
                    .put("status", 409)
                    .put("detail", "A reminder was sent on 2026-06-15; the next one is allowed from 2026-06-18")
                    .put("instance", "/api/v1/customers/hotel-zhonghua/promises/P-2026-0042/reminders")
                    .put("code", "INSIDE_QUIET_DAYS")
                    .put("correlationId", "req-7f3a9c");
            return new Schema<>().type("object")
                    .description("RFC 9457 problem details; programs branch on code")
                    .addProperty("type", new StringSchema().description("urn:promises:problem: and the code in lower case")
                            .example("urn:promises:problem:validation-failed"))
                    .addProperty("title", new StringSchema().description("The HTTP status's reason phrase").example("Bad Request"))
                    .addProperty("status", new IntegerSchema().example(400))
                    .addProperty("detail", new StringSchema().description("For people").example("The request has invalid fields."))
                    .addProperty("instance", new StringSchema().description("The request's path")
                            .example("/api/v1/customers/hotel-zhonghua/promises"))
                    .addProperty("code", new StringSchema().description("Stable; programs branch on it").example("VALIDATION_FAILED"))
                    .addProperty("correlationId", new StringSchema().example("req-7f3a9c"))
                    .addProperty("reference", new StringSchema().description("On 500 and 503: where the log has the details")
                            .example("0b7e6c1e-5f7d-4a43-9a43-5e8f1f0f2a61"))
                    .addProperty("errors", new ArraySchema().description("The fields that cannot be accepted")
                            .items(new Schema<>().$ref("#/components/schemas/" + FIELD_PROBLEM)))
                    .required(List.of("type", "title", "status", "code"))
                    .example(example);
        }

        @SuppressWarnings("rawtypes")
        static Schema fieldProblem() {
            return new Schema<>().type("object")
                    .description("A field of the request that cannot be accepted")
                    .addProperty("field", new StringSchema().description("Where it is in the request").example("installments[1].amount"))
                    .addProperty("message", new StringSchema().example("must be greater than 0 and less than 1000000000000"))
                    .required(List.of("field", "message"));
        }
    }
}
