package dev.jmcp.workers;

import dev.jmcp.http.EndpointOptions;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The endpoint settings a Worker takes from its vars and secrets; the same names and rules as the JVM runtimes'
 * environment variables (server's {@code EnvironmentOptions}, which this module cannot depend on):
 *
 * <ul>
 *   <li>{@code JMCP_REQUEST_STATE_KEY} (a secret): base64 of at least 32 random bytes; seals MCP 2026-07-28
 *       {@code requestState}. Every isolate must share it, so a deployment sets it
 *       ({@code wrangler secret put JMCP_REQUEST_STATE_KEY}); unset, each isolate makes its own and a follow-up
 *       request that lands on another isolate is refused.</li>
 *   <li>{@code JMCP_ONLY_2026}: {@code true} refuses 2025-era clients.</li>
 *   <li>{@code JMCP_ALLOWED_HOSTS}: comma-separated host names the {@code Host} and {@code Origin} headers must name;
 *       unset, any host (a Worker answers on its own routes only).</li>
 * </ul>
 * Sessions cannot live in one isolate's memory, so the endpoint is always stateless.
 */
final class WorkersConfig {
    static final String REQUEST_STATE_KEY = "JMCP_REQUEST_STATE_KEY";
    static final String ONLY_2026 = "JMCP_ONLY_2026";
    static final String ALLOWED_HOSTS = "JMCP_ALLOWED_HOSTS";

    private WorkersConfig() {
    }

    /** The endpoint options; a bad value is an {@link IllegalArgumentException} naming the variable. */
    static EndpointOptions endpointOptions(Map<String, String> config) {
        var options = EndpointOptions.builder().mode(EndpointOptions.Mode.STATELESS);
        String key = config.get(REQUEST_STATE_KEY);
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
        String only = config.get(ONLY_2026);
        if (only != null && !only.isBlank()) {
            switch (only.trim()) {
                case "true" -> options.only2026();
                case "false" -> { }
                default -> throw new IllegalArgumentException(ONLY_2026 + " must be true or false, got \"" + only + "\"");
            }
        }
        String hosts = config.get(ALLOWED_HOSTS);
        if (hosts != null && !hosts.isBlank()) {
            var names = new ArrayList<String>();
            for (String h : dev.jmcp.internal.Ascii.split(hosts, ',')) {
                if (!h.isBlank()) names.add(h.trim());
            }
            options.allowedHosts(List.copyOf(names));
        } else {
            options.allowAnyHost();
        }
        return options.build();
    }
}
