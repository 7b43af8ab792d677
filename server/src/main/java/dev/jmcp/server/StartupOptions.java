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
 * </ul>
 * Tried and not used: {@code -XX:CompileThresholdScaling=10} cut the JIT's CPU before the first answer to about 70 ms,
 * but it raises the C2 thresholds for the life of the process: after 20 s of load, echo at 64 connections still ran
 * at 0.55x and 0.85x the throughput of the JVM defaults (two runs). {@code -XX:TieredStopAtLevel=1} (C1 only) starts
 * about as fast and never compiles with C2 at all.
 */
public final class StartupOptions {
    /** Options for the server's JVM, in training and when serving alike. */
    public static final List<String> RUN = List.of("-XX:+UseSerialGC", "-XX:-UsePerfData");

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
