package com.promises.api.web.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.promises.testing.Api;
import com.promises.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules every operation and type of the served document follows, so that a client generated from it is
 * usable as it is: a new endpoint or record that misses one fails here, naming what is missing.
 */
@IntegrationTest
class OpenApiTest {

    private static final String PROBLEM = "#/components/schemas/Problem";

    @Value("${local.server.port}")
    int port;
    JsonNode docs;

    @BeforeEach
    void fetch() {
        docs = new Api(port).anonymous().get("/v3/api-docs").json();
    }

    @Test
    void everyOperationIsNamedSummarizedAndSignedInWithBasic() {
        List<String> missing = new ArrayList<>();
        operations((name, operation) -> {
            if (operation.path("operationId").asText().isBlank() || operation.path("summary").asText().isBlank()) {
                missing.add(name + ": operationId or summary");
            }
            if (!operation.path("security").toString().equals("[{\"basic\":[]}]")) {
                missing.add(name + ": security " + operation.path("security"));
            }
        });
        assertThat(missing).isEmpty();
        assertThat(docs.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
        assertThat(docs.at("/info/version").asText()).isEqualTo("1");
        assertThat(docs.at("/info/license/name").asText()).isNotBlank();
        assertThat(docs.at("/servers/0/url").asText()).isEqualTo("/");
    }

    @Test
    void everyOperationHasATypedSuccessAnswerWithAnExample() {
        List<String> missing = new ArrayList<>();
        operations((name, operation) -> {
            List<Map.Entry<String, JsonNode>> successes = new ArrayList<>();
            operation.path("responses").fields().forEachRemaining(answer -> {
                if (answer.getKey().startsWith("2")) {
                    successes.add(answer);
                }
            });
            if (successes.isEmpty()) {
                missing.add(name + ": a 2xx answer");
            }
            for (Map.Entry<String, JsonNode> success : successes) {
                JsonNode content = success.getValue().path("content");
                if (content.size() == 0) {
                    missing.add(name + " " + success.getKey() + ": content");
                }
                content.fields().forEachRemaining(media -> {
                    JsonNode schema = media.getValue().path("schema");
                    boolean example = media.getValue().has("example") || media.getValue().has("examples")
                            || schema.has("$ref") || schema.path("items").has("$ref");
                    if (schema.isMissingNode() || media.getKey().contains("*") || !example) {
                        missing.add(name + " " + success.getKey() + " " + media.getKey() + ": a schema with an example");
                    }
                });
            }
        });
        assertThat(missing).isEmpty();
        assertThat(docs.at("/paths/~1api~1v1~1customers~1{customerId}~1export/get/responses/200/content").fieldNames())
                .toIterable().containsExactly("application/x-ndjson");
    }

    @Test
    void everyProblemAnswerIsAProblemJsonAndCommandsTakeAnIdempotencyKey() {
        List<String> wrong = new ArrayList<>();
        operations((name, operation) -> {
            operation.path("responses").fields().forEachRemaining(answer -> {
                JsonNode response = resolved(answer.getValue());
                if (!answer.getKey().startsWith("2")
                        && !response.path("content").toString().equals("{\"application/problem+json\":{\"schema\":{\"$ref\":\"" + PROBLEM + "\"}}}")) {
                    wrong.add(name + " " + answer.getKey() + ": " + response.path("content"));
                }
            });
            if (name.startsWith("post") || name.startsWith("put")) {
                if (!operation.path("parameters").toString().contains("#/components/parameters/IdempotencyKey")) {
                    wrong.add(name + ": no Idempotency-Key");
                }
                // An import posts a file of commands, one JSON object a line, each line the body of its command.
                boolean importFile = name.equals("post /api/v1/imports")
                        && operation.at("/requestBody/content").fieldNames().next().equals("application/x-ndjson");
                if (operation.has("requestBody") && !importFile
                        && !operation.at("/requestBody/content/application~1json/schema/$ref").isTextual()) {
                    wrong.add(name + ": no JSON request body schema");
                }
            }
        });
        assertThat(wrong).isEmpty();
        assertThat(docs.at("/components/schemas/Problem/properties/code/type").asText()).isEqualTo("string");
    }

    /** Swagger UI and mock servers build whole examples from these; a field without one shows as "string". */
    @Test
    void everyFieldOfEveryTypeHasAnExample() {
        List<String> missing = new ArrayList<>();
        docs.path("components").path("schemas").fields().forEachRemaining(type ->
                type.getValue().path("properties").fields().forEachRemaining(field -> {
                    JsonNode schema = field.getValue();
                    boolean composite = schema.has("$ref") || schema.path("type").asText().equals("array");
                    if (!composite && (!schema.has("example") || schema.path("example").isNull())) {
                        missing.add(type.getKey() + "." + field.getKey());
                    }
                }));
        assertThat(missing).isEmpty();
        assertThat(docs.at("/components/schemas/MakePromiseRequest/properties/amount/example").asText()).isEqualTo("1200.00");
        assertThat(docs.at("/components/schemas/Money/properties/amount/type").asText()).isEqualTo("string");
    }

    /** A reference to a schema, parameter or response the document does not hold breaks every client generated from it. */
    @Test
    void everyReferencePointsToSomethingTheDocumentHolds() {
        List<String> dangling = new ArrayList<>();
        List<String> references = new ArrayList<>();
        docs.findValuesAsText("$ref").forEach(references::add);
        for (String reference : references) {
            if (!reference.startsWith("#/") || docs.at(reference.substring(1)).isMissingNode()) {
                dangling.add(reference);
            }
        }
        assertThat(dangling).isEmpty();
        assertThat(references).contains(PROBLEM, "#/components/parameters/IdempotencyKey");
    }

    private void operations(BiConsumer<String, JsonNode> check) {
        docs.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method ->
                check.accept(method.getKey() + " " + path.getKey(), method.getValue())));
    }

    private JsonNode resolved(JsonNode node) {
        return node.has("$ref") ? docs.at(node.path("$ref").asText().substring(1)) : node;
    }
}
