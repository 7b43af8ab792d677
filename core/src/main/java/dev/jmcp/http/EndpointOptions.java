package dev.jmcp.http;

import java.util.List;
import java.util.Objects;

/**
 * How an {@link McpEndpoint} serves Streamable HTTP. Defaults suit local use: stateful sessions, path {@code /mcp},
 * a 4 MiB body limit, and only loopback names accepted in {@code Host} and {@code Origin} (DNS-rebinding defence).
 *
 * <pre>{@code
 * var options = EndpointOptions.builder().mode(Mode.STATELESS).allowAnyHost().build();   // behind a platform router
 * }</pre>
 */
public final class EndpointOptions {

    /** Whether the endpoint keeps {@code Mcp-Session-Id} sessions. */
    public enum Mode {
        /** Sessions, server-to-client requests, a GET stream and resumption. One process must see every request. */
        STATEFUL,
        /** Every request stands alone; no sessions. For serverless runtimes and multi-instance deployments. */
        STATELESS
    }

    public static final List<String> LOOPBACK_HOSTS = List.of("localhost", "127.0.0.1", "[::1]");

    private final String path;
    private final Mode mode;
    private final int maxBodyBytes;
    private final List<String> allowedHosts;
    private final boolean anyHost;
    private final SessionStore sessions;
    private final long sessionIdleMillis;
    private final int maxSessions;
    private final byte[] requestStateKey;
    private final long requestStateMillis;
    private final boolean serve2025;

    private EndpointOptions(Builder b) {
        this.path = b.path;
        this.mode = b.mode;
        this.maxBodyBytes = b.maxBodyBytes;
        this.allowedHosts = List.copyOf(b.allowedHosts);
        this.anyHost = b.anyHost;
        this.sessions = b.sessions != null ? b.sessions : new InMemorySessionStore(b.maxSessions);
        this.sessionIdleMillis = b.sessionIdleMillis;
        this.maxSessions = b.maxSessions;
        this.requestStateKey = b.requestStateKey == null ? null : b.requestStateKey.clone();
        this.requestStateMillis = b.requestStateMillis;
        this.serve2025 = b.serve2025;
    }

    public static EndpointOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public String path() {
        return path;
    }

    public Mode mode() {
        return mode;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** Host names (without port) accepted in {@code Host} and {@code Origin}; empty when any host is accepted. */
    public List<String> allowedHosts() {
        return allowedHosts;
    }

    public boolean anyHost() {
        return anyHost;
    }

    public SessionStore sessions() {
        return sessions;
    }

    public long sessionIdleMillis() {
        return sessionIdleMillis;
    }

    public int maxSessions() {
        return maxSessions;
    }

    /** The key that seals 2026 {@code requestState}, or null: the endpoint then makes a random one on first use. */
    public byte[] requestStateKey() {
        return requestStateKey == null ? null : requestStateKey.clone();
    }

    public long requestStateMillis() {
        return requestStateMillis;
    }

    /** Whether 2025-era clients (initialize, sessions) are served besides MCP 2026-07-28. */
    public boolean serve2025() {
        return serve2025;
    }

    public static final class Builder {
        private String path = "/mcp";
        private Mode mode = Mode.STATEFUL;
        private int maxBodyBytes = 4 * 1024 * 1024;
        private List<String> allowedHosts = LOOPBACK_HOSTS;
        private boolean anyHost;
        private SessionStore sessions;
        private long sessionIdleMillis = 30 * 60_000L;
        private int maxSessions = 10_000;
        private byte[] requestStateKey;
        private long requestStateMillis = 10 * 60_000L;
        private boolean serve2025 = true;

        private Builder() {
        }

        /**
         * The HMAC key that seals {@code requestState} for multi-round-trip requests (MCP 2026-07-28), at least 32
         * bytes. Every instance behind one load balancer needs the same key, or a retry that lands on another
         * instance is refused; without one, each endpoint makes a random key on first use (fine for one instance).
         */
        public Builder requestStateKey(byte[] key) {
            if (key.length < 32) throw new IllegalArgumentException("requestStateKey must be at least 32 bytes, got " + key.length);
            this.requestStateKey = key.clone();
            return this;
        }

        /** How long a client may take to answer a question before its retry is refused (default 10 minutes). */
        public Builder requestStateMillis(long millis) {
            if (millis < 1000) throw new IllegalArgumentException("requestStateMillis < 1000: " + millis);
            this.requestStateMillis = millis;
            return this;
        }

        /** Refuses 2025-era clients (initialize and sessions) so that only MCP 2026-07-28 is served. */
        public Builder only2026() {
            this.serve2025 = false;
            return this;
        }

        public Builder path(String path) {
            Objects.requireNonNull(path, "path");
            if (!path.startsWith("/")) throw new IllegalArgumentException("path must start with '/', got \"" + path + "\"");
            this.path = path;
            return this;
        }

        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        public Builder maxBodyBytes(int maxBodyBytes) {
            if (maxBodyBytes < 1024) throw new IllegalArgumentException("maxBodyBytes < 1024: " + maxBodyBytes);
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /** Accepts these host names (no port) besides nothing else; use for a public name behind a proxy. */
        public Builder allowedHosts(List<String> hosts) {
            if (hosts.isEmpty()) throw new IllegalArgumentException("allowedHosts is empty; use allowAnyHost() to turn the check off");
            this.allowedHosts = List.copyOf(hosts);
            this.anyHost = false;
            return this;
        }

        /**
         * Turns the Host/Origin check off. Only for servers reached through a platform router (Cloud Run, Lambda
         * Function URLs), where the platform fixes the host and browsers cannot rebind a local name.
         */
        public Builder allowAnyHost() {
            this.anyHost = true;
            return this;
        }

        public Builder sessions(SessionStore sessions) {
            this.sessions = Objects.requireNonNull(sessions, "sessions");
            return this;
        }

        public Builder sessionIdleMillis(long millis) {
            if (millis < 1000) throw new IllegalArgumentException("sessionIdleMillis < 1000: " + millis);
            this.sessionIdleMillis = millis;
            return this;
        }

        public Builder maxSessions(int maxSessions) {
            if (maxSessions < 1) throw new IllegalArgumentException("maxSessions < 1: " + maxSessions);
            this.maxSessions = maxSessions;
            return this;
        }

        public EndpointOptions build() {
            return new EndpointOptions(this);
        }
    }
}
