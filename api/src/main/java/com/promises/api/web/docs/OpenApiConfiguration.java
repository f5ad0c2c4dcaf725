package com.promises.api.web.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OpenAPI description's common parts: Basic authentication, the problem+json answer every
 * error shares (with an example), and the Idempotency-Key and X-Correlation-Id headers.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";
    private static final Map<String, String> COMMON_ERRORS = new LinkedHashMap<>();

    static {
        COMMON_ERRORS.put("400", "VALIDATION_FAILED or MALFORMED_JSON: the body or a path id is not acceptable; see errors");
        COMMON_ERRORS.put("401", "UNAUTHORIZED: no or wrong credentials");
        COMMON_ERRORS.put("403", "FORBIDDEN: the user's role does not allow this");
        COMMON_ERRORS.put("500", "INTERNAL_ERROR: logged under the reference the answer quotes");
    }

    private static final Map<String, String> COMMAND_ERRORS = Map.of(
            "409", "A conflict with the history (see the code), IDEMPOTENCY_KEY_IN_USE or CONCURRENT_MODIFICATION",
            "413", "PAYLOAD_TOO_LARGE: the body is over promises.http.max-body-size",
            "415", "UNSUPPORTED_MEDIA_TYPE: send application/json",
            "422", "IDEMPOTENCY_KEY_REUSED, or the account refuses the values (see the code)");

    @Bean
    OpenAPI promisesOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Promises API").version("1")
                        .description("Payment promises: record what customers promised and paid, and read how reliable they are. "
                                + "Every error is RFC 9457 application/problem+json with a stable code."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    @Bean
    OpenApiCustomizer commonHeadersAndProblems() {
        return openApi -> openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            operation.addParametersItem(new HeaderParameter().name("X-Correlation-Id").required(false)
                    .description("Ties the request to its events and log lines; made up when left out, always answered")
                    .schema(new StringSchema().pattern("[A-Za-z0-9._:-]{1,128}").example("req-7f3a9c")));
            boolean command = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT;
            if (command) {
                operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                        .description("1-255 visible characters. A retry with the same key and body gets the first answer and "
                                + "records nothing new; the same key with another body is 422. Kept at least 24 hours.")
                        .schema(new StringSchema().minLength(1).maxLength(255).example("3f1c9a52-7d44-4a8e-9a55-0e1b2f6b9c10")));
            }
            addErrors(operation, COMMON_ERRORS);
            if (command) {
                addErrors(operation, COMMAND_ERRORS);
            }
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    response.setContent(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
                }
            });
        }));
    }

    private static void addErrors(Operation operation, Map<String, String> errors) {
        ApiResponses responses = operation.getResponses();
        errors.forEach((status, description) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().description(description));
            }
        });
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "urn:promises:problem:inside-quiet-days");
        example.put("title", "Conflict");
        example.put("status", 409);
        example.put("detail", "A reminder was sent on 2026-06-15; the next one is allowed from 2026-06-18");
        example.put("instance", "/api/v1/customers/hotel-zhonghua/promises/P-2026-0042/reminders");
        example.put("code", "INSIDE_QUIET_DAYS");
        example.put("correlationId", "req-7f3a9c");
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("urn:promises:problem:validation-failed"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("The request has invalid fields."))
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema().description("Stable; programs branch on it").example("VALIDATION_FAILED"))
                .addProperty("correlationId", new StringSchema())
                .addProperty("reference", new StringSchema().description("On 500: where the log has the details"))
                .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema().example("amount"))
                        .addProperty("message", new StringSchema().example("must be greater than 0 and less than 1000000000000"))))
                .example(example);
    }
}
