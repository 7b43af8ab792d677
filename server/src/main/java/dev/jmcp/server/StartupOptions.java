package dev.jmcp.server;

import java.util.List;

/**
 * The JVM options jmcp starts a server with when a cold start matters (the container image), and the ones its JDK AOT
 * cache is trained with. The container image and the benchmark both take them from here, so what is measured is what
 * ships.
 *
 * <p>Each option's measured effect, with the AOT cache, on the 2-core machine, to the first tools/call answer
 * (CPU of all threads of the server; on a busy machine the wall time follows it):
 * <ul>
 *   <li>A cache trained without method profiles ({@link #TRAINING}): JDK 25 replays the training run's profiles at
 *       start and has C1 and C2 compile those methods while the first request waits; without them the JIT's CPU before
 *       the first answer fell by about 40 ms (of about 250). The profiles would only shorten the warm-up under load;
 *       the steady state is the same.</li>
 *   <li>{@code -XX:+UseSerialGC}: one CPU or two gain nothing from G1's concurrent threads; Serial starts a few ms
 *       sooner, and its young pauses under the benchmark's load were about 1 ms every few hundred ms.</li>
 *   <li>{@code -XX:-UsePerfData}: no {@code /tmp/hsperfdata} file to create at start (and none for tools to find).</li>
 *   <li>The four {@code Tier3} thresholds at ten times their defaults: C1 compiles a method after 2,000 calls instead
 *       of 200, so the code a start runs a few hundred times (Jetty's and the JDK's initialisation) stays in the
 *       interpreter instead of keeping the C1 thread busy beside it. Medians of 60 to 80 alternating cold starts on
 *       the image's runtime, three batches: 121, 125 and 114.5 ms without; 107.5, 112 and 109 ms with. The price,
 *       with C2's thresholds untouched: echo at 64 connections ran at 0.92 to 1.0x the throughput of the defaults in
 *       the 10 s after a 5 s warm-up (catalog 0.96x), and at 0.97 to 1.0x after 30 s.</li>
 * </ul>
 * Tried and not used: {@code -XX:CompileThresholdScaling=10} cut the JIT's CPU before the first answer to about 70 ms,
 * but it raises the C2 thresholds for the life of the process: after 20 s of load, echo at 64 connections still ran
 * at 0.55x and 0.85x the throughput of the JVM defaults (two runs); the {@code Tier4} thresholds alone at ten times
 * theirs cost 0.87 to 0.94x after a 5 s warm-up. {@code -XX:TieredStopAtLevel=1} (C1 only) starts about as fast and
 * never compiles with C2 at all.
 */
public final class StartupOptions {
    /** Options for the server's JVM, in training and when serving alike. */
    public static final List<String> RUN = List.of("-XX:+UseSerialGC", "-XX:-UsePerfData",
            "-XX:Tier3InvocationThreshold=2000", "-XX:Tier3MinInvocationThreshold=1000",
            "-XX:Tier3CompileThreshold=20000", "-XX:Tier3BackEdgeThreshold=600000");

    /**
     * Added to {@link #RUN} for the training run that writes the AOT cache: keep classes, linkage and heap objects, but
     * no method profiles, whose replay at start would have the JIT compile while the first request waits.
     * {@code AOTRecordTraining} is a diagnostic option of JDK 25; a JDK without it refuses to start, so the image
     * build fails loudly rather than shipping a cache trained some other way.
     */
    public static final List<String> TRAINING = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTRecordTraining");

    private StartupOptions() {
    }
}
