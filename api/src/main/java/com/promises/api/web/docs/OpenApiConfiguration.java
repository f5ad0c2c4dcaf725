package com.promises.api.web.docs;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.lang.annotation.Annotation;

/**
 * The OpenAPI document (/v3/api-docs) that front-end teams generate their clients from. Each controller
 * describes its operations with annotations (summary, operationId, success answer and the problems
 * particular to it), each request and response record its fields ({@code @Schema} with an example).
 * What every operation shares is added by {@link CommonAnswers}; the read models' types, which live
 * in modules without OpenAPI annotations, are described by {@link ReadModelSchemas}.
 * A change to the document is also a change to api/openapi.json (see OpenApiDocumentTest).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BASIC = "basic";

    static {
        // Event payloads are stored JSON of many shapes: to a client, an object with any fields.
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema()
                .additionalProperties(true)
                .description("The event's fields as stored"));
        // A streamed answer is bytes; its operation names the media type (the export: NDJSON).
        SpringDocUtils.getConfig().replaceWithSchema(StreamingResponseBody.class, new StringSchema().format("binary"));
    }

    @Bean
    OpenAPI promisesOpenApi(OpenApiSettings settings) {
        return new OpenAPI()
                .info(new Info().title("Promises API").version("1")
                        .description("Payment promises: record what customers promised and paid, and read how reliable "
                                + "they are. Every error is RFC 9457 application/problem+json with a stable code; every "
                                + "POST and PUT takes an Idempotency-Key; every answer carries X-Correlation-Id.")
                        .license(new License().name("Proprietary: all rights reserved")))
                .addServersItem(new Server().url(settings.serverUrlForPaths())
                        .description("The Promises service (\"/\": the host that served this document)"))
                .components(new Components().addSecuritySchemes(BASIC, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("HTTP Basic with a user of promises.security.users; roles COLLECTOR, AUDITOR, ADMIN")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /**
     * A text field's example as its {@code @Schema} writes it: swagger-core reads an example as JSON first, so an
     * amount's "1200.00" would otherwise come out as "1200.0".
     */
    @Bean
    PropertyCustomizer examplesAsWritten() {
        return (property, type) -> {
            if (property != null && "string".equals(property.getType()) && type.getCtxAnnotations() != null) {
                for (Annotation annotation : type.getCtxAnnotations()) {
                    if (annotation instanceof io.swagger.v3.oas.annotations.media.Schema schema && !schema.example().isEmpty()) {
                        property.setExample(schema.example());
                    }
                }
            }
            return property;
        };
    }

    @Bean
    OpenApiCustomizer commonAnswers() {
        return new CommonAnswers();
    }

    @Bean
    OpenApiCustomizer readModelSchemas() {
        return new ReadModelSchemas();
    }
}
