package com.promises.api.web.docs;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** promises.openapi.server-url becomes the document's one server, never with a trailing slash. */
class OpenApiSettingsTest {

    @Test
    void theServerIsTheSettingWithoutATrailingSlash() {
        assertThat(serverOf(Map.of("promises.openapi.server-url", "https://promises.example.com/")))
                .isEqualTo("https://promises.example.com");
        assertThat(serverOf(Map.of("promises.openapi.server-url", "https://promises.example.com/collect")))
                .isEqualTo("https://promises.example.com/collect");
    }

    @Test
    void unsetItIsTheHostThatServedTheDocument() {
        assertThat(serverOf(Map.of())).isEqualTo("/");
    }

    private static String serverOf(Map<String, String> properties) {
        OpenApiSettings settings = new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("promises.openapi", OpenApiSettings.class);
        return new OpenApiConfiguration().promisesOpenApi(settings).getServers().get(0).getUrl();
    }
}
