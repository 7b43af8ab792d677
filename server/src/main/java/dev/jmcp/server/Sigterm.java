package dev.jmcp.server;

/**
 * Makes SIGTERM a clean exit: drain, then exit status 0. A JVM shutdown hook alone drains too, but a JVM ended by
 * SIGTERM exits 143, which some platforms report as a crash. So SIGTERM is turned into {@code System.exit(0)}, and
 * the drain runs in a shutdown hook, which also covers Ctrl-C and {@code System.exit} from elsewhere.
 *
 * <p>{@code sun.misc.Signal} is JDK-internal (javac warns) but is one of the critical APIs kept on purpose in
 * {@code jdk.unsupported}. Where it is refused (the JVM runs with {@code -Xrs}), only the hook is installed and
 * SIGTERM exits 143 after the drain.
 */
final class Sigterm {
    private final Thread hook;
    private final sun.misc.SignalHandler previous; // null when the handler could not be installed

    private Sigterm(Thread hook, sun.misc.SignalHandler previous) {
        this.hook = hook;
        this.previous = previous;
    }

    static Sigterm install(Runnable drain) {
        var hook = new Thread(drain, "jmcp-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        sun.misc.SignalHandler previous;
        try {
            // System.exit waits for the shutdown hooks, that is for the drain; its own thread keeps the
            // signal-dispatch thread free meanwhile.
            previous = sun.misc.Signal.handle(new sun.misc.Signal("TERM"),
                    signal -> new Thread(() -> System.exit(0), "jmcp-sigterm").start());
        } catch (IllegalArgumentException refused) {
            previous = null;
        }
        return new Sigterm(hook, previous);
    }

    /** Undoes {@link #install} after a stop() that was not caused by a signal; a no-op while the JVM shuts down. */
    void uninstall() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return;
        }
        if (previous != null) sun.misc.Signal.handle(new sun.misc.Signal("TERM"), previous);
    }
}
