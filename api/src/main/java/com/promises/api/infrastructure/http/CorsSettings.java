package com.promises.api.infrastructure.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * @param allowedOrigins front-end origins allowed to call the API from a browser
 *                       ({@code promises.cors.allowed-origins}, comma-separated; patterns like
 *                       {@code https://*.example.com} allowed); none by default
 */
@ConfigurationProperties("promises.cors")
public record CorsSettings(@DefaultValue List<String> allowedOrigins) {
}
