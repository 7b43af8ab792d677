package dev.jmcp;

import java.util.Objects;

/**
 * How long a client or a shared cache may keep a list or a resource read (MCP 2026-07-28 {@code ttlMs} and
 * {@code cacheScope}). {@code PUBLIC} lets shared caches, such as an edge gateway, serve the answer to every caller;
 * {@code PRIVATE} keeps it to the one client.
 */
public record CacheHint(long ttlMillis, Scope scope) {

    public enum Scope {
        PUBLIC, PRIVATE;

        public String wireName() {
            return this == PUBLIC ? "public" : "private";
        }
    }

    /** No caching: the default. */
    public static final CacheHint NONE = new CacheHint(0, Scope.PRIVATE);

    public CacheHint {
        Objects.requireNonNull(scope, "scope");
        if (ttlMillis < 0) throw new IllegalArgumentException("ttlMillis < 0: " + ttlMillis);
    }

    public static CacheHint publicFor(long ttlMillis) {
        return new CacheHint(ttlMillis, Scope.PUBLIC);
    }

    public static CacheHint privateFor(long ttlMillis) {
        return new CacheHint(ttlMillis, Scope.PRIVATE);
    }
}
