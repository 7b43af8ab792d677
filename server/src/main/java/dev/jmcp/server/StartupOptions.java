package dev.jmcp.server;

import java.util.List;

/**
 * The JVM options jmcp starts a server with when a cold start matters (the container image), and the ones its JDK AOT
 * cache is trained with. The container image and the benchmark both take them from here, so what is measured is what
 * ships.
 *
 * <p>Each option's measured effect, with the AOT cache, on the 2-core machine, to the first tools/call answer
 * (CPU of all threads of the server; the wall time follows it on a busy machine):
 * <ul>
 *   <li>{@code -XX:CompileThresholdScaling=10} with a cache trained without method profiles
 *       ({@link #TRAINING}): the JIT compilers spent about 330 ms of CPU before the first answer (C2 about 200 ms,
 *       much of it compiling the methods the training run had profiled, as JDK 25 replays them at start, the rest on
 *       start-up loops such as the locale tables); with both, about 70 ms. The process total fell from about 420 to
 *       about 230 ms. Under load the thresholds are reached within a second, so the steady state is unchanged; what
 *       is given up is the faster warm-up the replayed profiles give in the first seconds of traffic.</li>
 *   <li>{@code -XX:+UseSerialGC}: one CPU or two gain nothing from G1's concurrent threads; Serial starts a few ms
 *       sooner, and its young pauses under the benchmark's load were about 1 ms.</li>
 *   <li>{@code -XX:-UsePerfData}: no {@code /tmp/hsperfdata} file to create at start (and none for tools to find).</li>
 * </ul>
 * {@code -XX:TieredStopAtLevel=1} (C1 only) starts about as fast but never compiles with C2, which costs throughput
 * for the life of the process, so it is not used.
 */
public final class StartupOptions {
    /** Options for the server's JVM, in training and when serving alike. */
    public static final List<String> RUN = List.of("-XX:+UseSerialGC", "-XX:-UsePerfData", "-XX:CompileThresholdScaling=10");

    /**
     * Added to {@link #RUN} for the training run that writes the AOT cache: keep classes, linkage and heap objects, but
     * no method profiles, whose replay at start would have C2 compile while the first request waits.
     * {@code AOTRecordTraining} is a diagnostic option of JDK 25; a JDK without it refuses to start, so the image
     * build fails loudly rather than shipping a cache trained some other way.
     */
    public static final List<String> TRAINING = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTRecordTraining");

    private StartupOptions() {
    }
}
