package dev.jmcp.http;

import java.util.Objects;

/**
 * One HTTP request as a runtime adapter hands it to {@link McpEndpoint#handle}: the method, the path (without the
 * query), the header fields and the whole body. Adapters read the body with a bound of
 * {@link McpEndpoint#maxBodyBytes()} + 1 bytes so that the endpoint can answer 413 for a larger one.
 */
public record HttpRequest(String method, String path, Headers headers, byte[] body) {
    public HttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }
}
