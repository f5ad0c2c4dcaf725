package com.promises.api.web.docs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param serverUrl where clients reach the API, as the OpenAPI document names it
 *                  ({@code promises.openapi.server-url}, e.g. {@code https://promises.example.com}). The default
 *                  "/" means the host that served the document, so the document is the same on every machine.
 */
@ConfigurationProperties("promises.openapi")
record OpenApiSettings(@DefaultValue("/") String serverUrl) {

    /** Without a trailing slash, which would double the one every path starts with. */
    String serverUrlForPaths() {
        return serverUrl.length() > 1 && serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl;
    }
}
