package dev.jmcp.server;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the costly one-time class initialisation of Jetty and the JDK on a second thread while the caller builds its
 * server, so a cold start pays for it in parallel rather than in sequence.
 *
 * <p>The costs are measured, not guessed (main-thread CPU with the JDK 25 AOT cache on the full JDK, 2 cores):
 * Jetty's {@code MimeTypes} calls {@code Locale.getAvailableLocales()} in its static initialiser, which builds all
 * ~1,160 CLDR locales (50 to 80 ms); SLF4J's provider lookup (10 to 15 ms); the first virtual thread, which starts the
 * JDK's scheduler; and the HTTP parser's and generator's header tables. An AOT cache makes classes load fast, but
 * static initialisers still run at every start.
 *
 * <p>Nothing here has an effect a program could see: it only initialises classes the server initialises anyway, and
 * every failure is ignored (the server then simply pays the cost itself). On one CPU the work is merely moved, not
 * saved. The thread is a daemon and ends in well under a second.
 */
final class StartupWarmup {
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final String[] CLASSES = {
            "org.eclipse.jetty.util.component.AbstractLifeCycle",   // its logger does SLF4J's provider lookup
            "org.eclipse.jetty.http.MimeTypes",
            "org.eclipse.jetty.http.HttpParser",
            "org.eclipse.jetty.http.HttpGenerator",
            "org.eclipse.jetty.server.internal.HttpConnection",
            "org.eclipse.jetty.server.internal.HttpChannelState",
    };

    private StartupWarmup() {
    }

    /** Starts the warm-up once per process; later calls return at once. */
    static void begin() {
        if (!STARTED.compareAndSet(false, true)) return;
        Thread.ofPlatform().name("jmcp-warmup").daemon().start(StartupWarmup::run);
    }

    private static void run() {
        ClassLoader loader = StartupWarmup.class.getClassLoader();
        try {
            for (String name : CLASSES) Class.forName(name, true, loader);
            Thread.ofVirtual().start(() -> { }).join();
        } catch (Throwable ignored) {
            // Only an optimisation: whatever failed here is done (and reported) by the server itself later.
        }
    }
}
