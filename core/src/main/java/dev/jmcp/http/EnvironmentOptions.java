package dev.jmcp.http;


import java.util.Base64;
import java.util.Map;

/**
 * Endpoint settings that deployments pass as environment variables, so one artifact serves every environment.
 *
 * <ul>
 *   <li>{@code JMCP_REQUEST_STATE_KEY}: the HMAC key that seals MCP 2026-07-28 {@code requestState}, as base64 of at
 *       least 32 random bytes ({@code openssl rand -base64 32}). Every instance behind one load balancer needs the
 *       same key; unset, each process makes a random one, which suits a single instance.</li>
 *   <li>{@code JMCP_ONLY_2026=true}: refuse 2025-era clients and serve only MCP 2026-07-28.</li>
 * </ul>
 */
public final class EnvironmentOptions {
    public static final String REQUEST_STATE_KEY = "JMCP_REQUEST_STATE_KEY";
    public static final String ONLY_2026 = "JMCP_ONLY_2026";

    private EnvironmentOptions() {
    }

    /** Applies the variables that are set; a bad value is an {@link IllegalArgumentException} naming the variable. */
    public static EndpointOptions.Builder apply(EndpointOptions.Builder options, Map<String, String> environment) {
        String key = environment.get(REQUEST_STATE_KEY);
        if (key != null && !key.isBlank()) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(key.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(REQUEST_STATE_KEY + " must be base64 (e.g. from `openssl rand -base64 32`): " + e.getMessage());
            }
            if (bytes.length < 32) {
                throw new IllegalArgumentException(REQUEST_STATE_KEY + " must decode to at least 32 bytes, got " + bytes.length
                        + "; make one with `openssl rand -base64 32`");
            }
            options.requestStateKey(bytes);
        }
        String only = environment.get(ONLY_2026);
        if (only != null && !only.isBlank()) {
            switch (only.trim()) {
                case "true" -> options.only2026();
                case "false" -> { }
                default -> throw new IllegalArgumentException(ONLY_2026 + " must be true or false, got \"" + only + "\"");
            }
        }
        return options;
    }
}
