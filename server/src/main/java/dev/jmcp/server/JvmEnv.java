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

    private static final System.Logger LOG = System.getLogger("dev.jmcp.server");

    // SecureRandom is thread-safe; one instance avoids re-seeding from the OS for every session id.
    private final SecureRandom random = new SecureRandom();

    private JvmEnv() {
    }

    @Override
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public void randomBytes(byte[] into) {
        random.nextBytes(into);
    }

    /** Logs what the client only saw as a generic message; the stack trace is the point of logging it. */
    @Override
    public void reportError(String where, Throwable error) {
        LOG.log(Level.ERROR, "jmcp: failure in " + where + ": " + error, error);
    }
}
