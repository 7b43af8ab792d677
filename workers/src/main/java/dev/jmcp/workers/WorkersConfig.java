package dev.jmcp.workers;

import dev.jmcp.http.EndpointOptions;
import dev.jmcp.http.EnvironmentOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The endpoint settings a Worker takes from its vars and secrets; the same names and rules as the JVM runtimes'
 * environment variables ({@link EnvironmentOptions} reads the first two; the host list is the Worker's own):
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
    static final String ALLOWED_HOSTS = "JMCP_ALLOWED_HOSTS";

    private WorkersConfig() {
    }

    /** The endpoint options; a bad value is an {@link IllegalArgumentException} naming the variable. */
    static EndpointOptions endpointOptions(Map<String, String> config) {
        var options = EnvironmentOptions.apply(EndpointOptions.builder().mode(EndpointOptions.Mode.STATELESS), config);
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
