package dev.jmcp.workers;

import java.util.Optional;

/**
 * Makes one kind of platform facility on Workers (a {@link dev.jmcp.SqlDatabase} over D1, a cache over KV) from the
 * Worker's configuration and bindings. {@link WorkersPlatform#facility} asks the provider registered for the exact
 * type, once, the first time the application asks for it.
 */
public interface FacilityProvider<T> {

    /** The facility type applications ask for, e.g. {@code SqlDatabase.class}. */
    Class<T> type();

    /** The facility, or empty when the Worker is not configured for it (say, no D1 binding). */
    Optional<T> create(WorkersPlatform platform);
}
