package dev.jmcp;

import java.util.Optional;

/**
 * What the runtime offers an application: configuration values and facilities such as a {@link SqlDatabase}.
 * Each runtime supplies its own implementations; application code names only these interfaces.
 */
public interface Platform {

    /** The runtime's name: {@code jvm}, {@code aws-lambda}, {@code cloudflare-workers} or {@code google-cloud-run}. */
    String runtime();

    /** A configuration value (an environment variable, a Worker var or secret), if set. */
    Optional<String> config(String name);

    /** A facility of the given type, if this runtime provides one. */
    <T> Optional<T> facility(Class<T> type);

    /**
     * The instance's one copy of an expensive resource (a connection pool, a client), made on first use and closed
     * when the instance ends; see {@link Shared}. Runtimes that keep no instances answer an error saying so.
     */
    default <T> T shared(Shared<T> resource) {
        throw new UnsupportedOperationException("The " + runtime() + " runtime keeps no shared resources (asked for \""
                + resource.name() + "\"); create it per request instead");
    }

    /** A facility this application cannot run without; a clear error names the type and runtime when absent. */
    default <T> T require(Class<T> type) {
        return facility(type).orElseThrow(() -> new IllegalStateException(
                "The " + runtime() + " runtime provides no " + type.getSimpleName() + "; configure one or choose another runtime"));
    }
}
