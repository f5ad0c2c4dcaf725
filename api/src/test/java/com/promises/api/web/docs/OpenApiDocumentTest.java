package com.promises.api.web.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.promises.testing.Api;
import com.promises.testing.IntegrationTest;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract as front-end teams take it: the document the running service serves at /v3/api-docs.
 * <p>
 * api/openapi.json is a committed copy of it, because two things need the document before the service
 * runs: the Java client generated into the test sources (openapi-generator-maven-plugin) and the check of
 * every request and response the tests exchange ({@link com.promises.testing.Api}). To document a new or
 * changed endpoint: annotate it (see OpenApiConfiguration), run this test, and copy the document it
 * writes, api/target/openapi.json, over api/openapi.json. Until then this test fails, and a change that
 * breaks the generated client then breaks the compilation of the tests that use it.
 */
@IntegrationTest
class OpenApiDocumentTest {

    static final Path COMMITTED = Path.of("openapi.json");
    private static final Path SERVED_COPY = Path.of("target", "openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Value("${local.server.port}")
    int port;

    @Test
    void theServedDocumentIsValidForTheParserOpenApiGeneratorUses() throws IOException {
        JsonNode served = served();

        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(JSON.writeValueAsString(served), null, options);

        assertThat(result.getMessages()).as("what swagger-parser finds wrong in %s", SERVED_COPY.toAbsolutePath()).isEmpty();
        assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
    }

    @Test
    void theCommittedDocumentIsTheServedOne() throws IOException {
        JsonNode served = served();
        JsonNode committed = JSON.readTree(COMMITTED.toFile());

        List<String> differences = new ArrayList<>();
        compare(committed, served, "", differences);
        assertThat(differences)
                .as("api/openapi.json differs from what the service serves (written to api/target/openapi.json): "
                        + "copy that over api/openapi.json after checking the change is meant")
                .isEmpty();
    }

    /** Fetched once per test and written out pretty for people and tools. */
    private JsonNode served() throws IOException {
        Api.Answer answer = new Api(port).anonymous().get("/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode document = answer.json();
        Files.createDirectories(SERVED_COPY.getParent());
        Files.writeString(SERVED_COPY, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n");
        return document;
    }

    /** JSON pointers where the two documents differ (objects compared key by key, so key order does not count). */
    private static void compare(JsonNode committed, JsonNode served, String pointer, List<String> differences) {
        if (differences.size() >= 20) {
            return;
        }
        if (committed.isObject() && served.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            committed.fieldNames().forEachRemaining(keys::add);
            served.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                String child = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
                if (!committed.has(key)) {
                    differences.add("only served: " + child);
                } else if (!served.has(key)) {
                    differences.add("only committed: " + child);
                } else {
                    compare(committed.get(key), served.get(key), child, differences);
                }
            }
        } else if (committed.isArray() && served.isArray() && committed.size() == served.size()) {
            Iterator<JsonNode> left = committed.elements();
            Iterator<JsonNode> right = served.elements();
            for (int i = 0; left.hasNext(); i++) {
                compare(left.next(), right.next(), pointer + "/" + i, differences);
            }
        } else if (!committed.equals(served)) {
            differences.add("changed: " + pointer + " committed " + abbreviated(committed) + ", served " + abbreviated(served));
        }
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }
}
