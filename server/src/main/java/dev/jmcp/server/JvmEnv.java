package dev.jmcp.server;

import dev.jmcp.http.Env;

import java.lang.System.Logger.Level;
import java.security.SecureRandom;

/**
 * {@link Env} for the JVM: the system clock, one shared {@link SecureRandom}, and handler failures logged through
 * {@link System.Logger} (so no logging framework is required; one configured by the application picks them up).
 *
 * <pre>{@code
 * var endpoint = McpEndpoint.of(server, EndpointOptions.defaults(), JvmEnv.INSTANCE);
 * }</pre>
 */
public final class JvmEnv implements Env {
    public static final JvmEnv INSTANCE = new JvmEnv();

    /**
     * Made on first use, not at start-up: a stateless endpoint never draws random bytes, and seeding costs about
     * 15 ms of a cold start. SecureRandom is thread-safe; one instance avoids re-seeding for every session id.
     */
    private static final class Random {
        static final SecureRandom INSTANCE = new SecureRandom();
    }

    private JvmEnv() {
    }

    @Override
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public void randomBytes(byte[] into) {
        Random.INSTANCE.nextBytes(into);
    }

    /**
     * Logs what the client only saw as a generic message; the stack trace is the point of logging it. The logger
     * is looked up here, not at start-up, where its service lookup would cost about 15 ms of a cold start.
     */
    @Override
    public void reportError(String where, Throwable error) {
        System.getLogger("dev.jmcp.server").log(Level.ERROR, "jmcp: failure in " + where + ": " + error, error);
    }
}
