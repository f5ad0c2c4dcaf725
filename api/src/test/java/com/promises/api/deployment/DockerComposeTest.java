package com.promises.api.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * There is no Docker engine on our machines, so the compose file is checked by reading it: every
 * environment variable it gives the service must be a setting the application actually reads
 * (a property in the configuration metadata of the classpath, ours included), and the wiring a
 * real deployment needs (health checks, a named volume, start order) must be there.
 */
class DockerComposeTest {

    private static Map<String, Object> compose;
    private static Set<String> knownProperties;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        try (InputStream in = Files.newInputStream(Checkout.file("docker-compose.yml"))) {
            compose = new Yaml().load(in);
        }
        knownProperties = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (String resource : List.of("META-INF/spring-configuration-metadata.json",
                "META-INF/additional-spring-configuration-metadata.json")) {
            for (URL url : Collections.list(DockerComposeTest.class.getClassLoader().getResources(resource))) {
                for (JsonNode property : json.readTree(url).path("properties")) {
                    knownProperties.add(canonical(property.path("name").asText()));
                }
            }
        }
    }

    @Test
    void everyVariableGivenToTheServiceIsASettingTheApplicationReads() {
        Map<String, Object> environment = environmentOf("promises");
        assertThat(environment).isNotEmpty();
        assertThat(knownProperties).contains(canonical("spring.datasource.url"), canonical("promises.data-dir"));
        List<String> unknown = environment.keySet().stream()
                .filter(variable -> !knownProperties.contains(canonical(variable)))
                .toList();
        assertThat(unknown).as("variables the application does not read").isEmpty();
    }

    @Test
    void theServiceUsesThePostgresContainerAndWaitsForItToBeHealthy() {
        Map<String, Object> environment = environmentOf("promises");
        assertThat((String) environment.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://postgres:5432/");
        assertThat(service("postgres").get("image")).isEqualTo("postgres:16");
        assertThat(map(map(service("promises").get("depends_on")).get("postgres")).get("condition"))
                .isEqualTo("service_healthy");
        assertThat(service("promises")).containsKeys("build", "healthcheck");
        assertThat(service("postgres")).containsKey("healthcheck");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDatabaseKeepsItsFilesInANamedVolume() {
        assertThat(map(compose.get("volumes"))).containsKey("promises-db");
        assertThat((List<Object>) service("postgres").get("volumes")).contains("promises-db:/var/lib/postgresql/data");
    }

    @Test
    void theImageIsBuiltFromThisRepository() {
        assertThat(service("promises").get("build")).isEqualTo(".");
        assertThat(Checkout.file("Dockerfile")).exists();
    }

    @Test
    void dockerStopWaitsLongerThanTheServiceGivesRequestsInFlight() throws IOException {
        Map<String, Object> settings;
        try (InputStream in = new ClassPathResource("application.yml").getInputStream()) {
            settings = new Yaml().load(in);
        }
        Object shutdownPhase = map(map(settings.get("spring")).get("lifecycle")).get("timeout-per-shutdown-phase");
        Duration grace = DurationStyle.detectAndParse(service("promises").get("stop_grace_period").toString());
        assertThat(grace).isGreaterThan(DurationStyle.detectAndParse(shutdownPhase.toString()));
    }

    /** Spring's relaxed binding: SPRING_DATASOURCE_URL, spring.datasource.url and promises.data-dir vs PROMISES_DATA_DIR. */
    private static String canonical(String name) {
        return name.replaceAll("[-._]", "").toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> environmentOf(String name) {
        return map(service(name).get("environment"));
    }

    private static Map<String, Object> service(String name) {
        return map(map(compose.get("services")).get(name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
