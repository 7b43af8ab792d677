package dev.jmcp.workers;

import dev.jmcp.http.Env;

/** Core's clock and randomness on Workers: {@code Date.now()} (through TeaVM's class library) and a {@link RandomSource}. */
final class WorkersEnv implements Env {
    private final RandomSource random;
    private final ErrorLog log;

    interface ErrorLog {
        void error(String message);
    }

    WorkersEnv(RandomSource random, ErrorLog log) {
        this.random = random;
        this.log = log;
    }

    @Override
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public void randomBytes(byte[] into) {
        random.fill(into);
    }

    @Override
    public void reportError(String where, Throwable error) {
        log.error("jmcp: error in " + where + ": " + error);
    }
}
