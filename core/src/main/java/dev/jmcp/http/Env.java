package dev.jmcp.http;

/**
 * The non-deterministic facts core needs, supplied by each runtime (HikariCP's {@code ClockSource} idea): the wall
 * clock and cryptographically secure random bytes. Tests pass a fixed one, so session ids and expiry are exact.
 */
public interface Env {

    long currentTimeMillis();

    /** Fills the array with cryptographically secure random bytes. */
    void randomBytes(byte[] into);

    /**
     * Told about a failure inside a handler that the client sees only as a generic message (rule: never leak
     * exception text to the client). The JVM runtimes log it; the default drops it.
     */
    default void reportError(String where, Throwable error) {
    }
}
