package dev.jmcp.bench;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;
import dev.jmcp.server.StartupOptions;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Runs jmcp against the official Java and TypeScript SDK servers side by side, on this machine, in one run: load
 * (wrk over loopback HTTP), a JFR profile of jmcp under that load, cold start, and the JSON codec (JMH). Writes
 * {@code bench/results/<date>.json} and a page of charts ({@code bench/results/report.html} for a full run), and prints
 * the ratios. {@code bench/run.sh} builds everything and calls this.
 *
 * <pre>{@code
 * java -cp ... dev.jmcp.bench.Bench --root . --classpath bench/target/classpath.txt --node node \
 *     --ts-server .tools/bench-peers/ts-server.mjs [--quick] [--only load,profile,cold,jmh] [--no-pin]
 * }</pre>
 */
public final class Bench {
    static final List<String> TOOLS = List.of("echo", "catalog");
    static final List<Integer> CONNECTIONS = List.of(1, 16, 64);
    static final int PEAK_CONNECTIONS = 64;

    /** How long things run: the full run takes about 17 minutes on 2 cores, the quick one under 3. */
    record Plan(boolean quick, int firstWarmupSeconds, int warmupSeconds, int seconds, int coldRuns) {
        static Plan of(boolean quick) {
            return quick ? new Plan(true, 2, 1, 2, 3) : new Plan(false, 10, 3, 10, 10);
        }
    }

    /** A server under load: id, label for people, and its command line for a port. */
    record Server(String id, String label, int port, List<String> command) {
        String url() {
            return "http://127.0.0.1:" + port + "/mcp";
        }
    }

    private final Options options;
    private final Plan plan;
    private final Path work;
    private final Path logs;
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final McpProbe probe = new McpProbe();
    private final Map<String, String> commands = new LinkedHashMap<>();
    private Path catalogFile;

    private Bench(Options options) {
        this.options = options;
        this.plan = Plan.of(options.quick);
        this.work = options.root.resolve("bench/target/bench-work");
        this.logs = work.resolve("logs");
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        System.exit(new Bench(options).run());
    }

    private int run() throws Exception {
        Files.createDirectories(logs);
        catalogFile = Fixtures.writeCatalog(work);
        var started = ZonedDateTime.now(ZoneOffset.UTC);
        var result = new LinkedHashMap<String, Object>();
        result.put("schema", 1);
        result.put("date", started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        result.put("mode", plan.quick ? "quick" : "full");
        result.put("machine", Machine.describe(java, options.node));
        result.put("fixtures", Fixtures.describe());

        JsonObject load = null;
        JsonObject profile = null;
        List<JsonObject> cold = null;
        List<JsonObject> jmh = null;
        if (options.phases.contains("load")) load = timed("load", this::load);
        if (options.phases.contains("profile")) profile = timed("profile", this::profile);
        if (options.phases.contains("cold")) cold = timed("cold start", this::coldStart);
        if (options.phases.contains("jmh")) jmh = timed("jmh", this::jmh);

        var summary = new Summary(load, cold, jmh, profile);
        result.put("settings", Json.object(
                "pinning", options.pin ? "each server alone on CPU 1 (taskset -c 1), wrk on CPU 0 (taskset -c 0)" : "none",
                "loadGenerator", "wrk, 1 thread, keep-alive connections, closed loop; every response checked",
                "firstWarmupSeconds", plan.firstWarmupSeconds, "warmupSeconds", plan.warmupSeconds,
                "seconds", plan.seconds, "coldStartRuns", plan.coldRuns));
        if (load != null) result.put("load", load);
        if (profile != null) result.put("profile", profile);
        if (cold != null) result.put("coldStart", Json.object("variants", Json.array(cold)));
        if (jmh != null) result.put("jmh", Json.object("results", Json.array(jmh)));
        result.put("ratios", summary.ratios());
        result.put("goals", summary.goalsJson());
        result.put("commands", Json.of(commands));
        result.put("elapsedSeconds", Duration.between(started, ZonedDateTime.now(ZoneOffset.UTC)).toSeconds());
        JsonObject json = Json.of(result).asObject();

        Path results = options.root.resolve("bench/results");
        Files.createDirectories(results);
        String name = started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm", Locale.ROOT)) + (plan.quick ? "-quick" : "") + ".json";
        Path file = results.resolve(name);
        Files.write(file, Json.writeUtf8(json));
        Path report = results.resolve(reportName(name, plan.quick, options.phases));
        Files.writeString(report, Report.html(json, summary, options.root.relativize(file).toString()));

        System.out.println();
        System.out.println(summary.text());
        System.out.println("results: " + options.root.relativize(file) + "   report: " + options.root.relativize(report));
        return 0;
    }

    private interface Phase<T> {
        T run() throws IOException, InterruptedException;
    }

    private static <T> T timed(String name, Phase<T> phase) throws IOException, InterruptedException {
        long start = System.nanoTime();
        T result = phase.run();
        System.out.printf(Locale.ROOT, "(%s took %.0f s)%n", name, (System.nanoTime() - start) / 1e9);
        return result;
    }

    // ---- load -------------------------------------------------------------------------------------------------

    private JsonObject load() throws IOException, InterruptedException {
        String serverCpu = options.pin ? "1" : null;
        var loadTest = new LoadTest(options.root.resolve("bench/wrk/mcp-post.lua"), work, options.pin ? "0" : null);
        var servers = List.of(
                new Server("jmcp", "jmcp", 18081, List.of(java, "-cp", classpath(Bench::jmcpJar), "dev.jmcp.bench.JmcpBenchServer",
                        "18081", catalogFile.toString())),
                new Server("java-sdk", "Java SDK 2.1.0", 18082, List.of(java, "-cp", classpath(Bench::sdkJar),
                        "dev.jmcp.bench.SdkBenchServer", "18082", catalogFile.toString())),
                new Server("ts-sdk", "TypeScript SDK 1.32.2", 18083, List.of(options.node, options.tsServer.toString(),
                        "18083", catalogFile.toString(), "express")));
        var out = new ArrayList<JsonObject>();
        for (Server server : servers) out.add(loadOne(loadTest, server, serverCpu, CONNECTIONS));
        // the ceiling: Jetty answering with jmcp's captured bytes, no MCP work at all
        var ceiling = new Server("ceiling", "ceiling (Jetty, canned bytes)", 18090, List.of(java, "-cp", classpath(Bench::jmcpJar),
                "dev.jmcp.bench.CannedServer", "18090", work.resolve("jmcp-echo-response.json").toString(),
                work.resolve("jmcp-catalog-response.json").toString()));
        JsonObject ceilingResult = loadOne(loadTest, ceiling, serverCpu, List.of(PEAK_CONNECTIONS));
        int i = 0;
        for (List<String> command : loadTest.commands()) commands.put("wrk" + (++i), Shell.join(command));
        return Json.object("servers", Json.array(out), "ceiling", ceilingResult);
    }

    private JsonObject loadOne(LoadTest loadTest, Server server, String cpu, List<Integer> connections)
            throws IOException, InterruptedException {
        List<String> command = ServerProcess.pinned(cpu, server.command());
        commands.put("server " + server.id(), Shell.join(command));
        System.out.println("load: " + server.label() + " at " + server.url());
        if (probe.ready(server.url(), "echo")) throw new IOException("port " + server.port() + " is already serving; stop whatever runs there");
        try (var process = ServerProcess.start(command, logs.resolve("load-" + server.id() + ".log"))) {
            awaitReady(process, server);
            for (String tool : TOOLS) {
                HttpResponse<byte[]> response = probe.call(server.url(), tool);
                String problem = probe.problem(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                        response.body(), tool);
                if (problem != null) throw new IOException(server.label() + " answered the " + tool + " call wrongly: " + problem);
                Files.write(work.resolve(server.id() + "-" + tool + "-response.json"), response.body());
            }
            Thread.sleep(1000);
            long idleRss = process.rssKb();
            for (String tool : TOOLS) loadTest.run(process, server.url(), tool, PEAK_CONNECTIONS, plan.firstWarmupSeconds);
            var runs = new ArrayList<JsonObject>();
            for (String tool : TOOLS) {
                for (int c : connections) {
                    loadTest.run(process, server.url(), tool, c, plan.warmupSeconds);
                    LoadTest.Run run = loadTest.run(process, server.url(), tool, c, plan.seconds);
                    System.out.printf(Locale.ROOT, "  %-8s %2d conn  %,9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  cpu %.2f  wrk cpu %.2f%s%n",
                            tool, c, run.rps(), run.latencyMillis("p50"), run.latencyMillis("p99"),
                            run.serverCpuSeconds() / run.wallSeconds(), run.wrkCpuSeconds() / run.wallSeconds(),
                            run.failures() > 0 ? "  FAILURES: " + run.failures() : "");
                    runs.add(run.toJson());
                }
            }
            long peakRss = process.peakRssKb();
            return Json.object("id", server.id(), "label", server.label(), "command", Shell.join(command),
                    "idleRssKb", idleRss, "peakRssKb", peakRss, "runs", Json.array(runs));
        }
    }

    private void awaitReady(ServerProcess process, Server server) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!probe.ready(server.url(), "echo")) {
            if (!process.isAlive()) throw new IOException(server.label() + " exited; its log:\n" + process.logTail());
            if (System.nanoTime() > deadline) {
                throw new IOException(server.label() + " gave no correct answer within 60 s; last check: "
                        + probe.check(server.url(), "echo") + "\nlog:\n" + process.logTail());
            }
            Thread.sleep(50);
        }
    }

    // ---- profile ----------------------------------------------------------------------------------------------

    /**
     * jmcp under the peak load once more, recorded by JFR ({@code settings=profile}) from its start, so that JFR's
     * own start-up is not in the figures; each tool's measured window is cut out of the recording by time, and
     * {@link Profiler} says where its CPU and allocation went.
     */
    private JsonObject profile() throws IOException, InterruptedException {
        var loadTest = new LoadTest(options.root.resolve("bench/wrk/mcp-post.lua"), work, options.pin ? "0" : null);
        Path recording = work.resolve("jmcp-load.jfr");
        Files.deleteIfExists(recording);
        var server = new Server("jmcp", "jmcp (profiled)", 18081, List.of(java,
                "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + recording,
                "-cp", classpath(Bench::jmcpJar), "dev.jmcp.bench.JmcpBenchServer", "18081", catalogFile.toString()));
        List<String> command = ServerProcess.pinned(options.pin ? "1" : null, server.command());
        commands.put("profile", Shell.join(command) + "   # then wrk as above, " + PEAK_CONNECTIONS + " connections per tool, then SIGTERM");
        System.out.println("profile: jmcp under " + PEAK_CONNECTIONS + " connections, recorded by JFR");
        var windows = new LinkedHashMap<String, Object[]>();
        try (var process = ServerProcess.start(command, logs.resolve("profile-jmcp.log"))) {
            awaitReady(process, server);
            for (String tool : TOOLS) loadTest.run(process, server.url(), tool, PEAK_CONNECTIONS, plan.firstWarmupSeconds);
            for (String tool : TOOLS) {
                Instant from = Instant.now();
                LoadTest.Run run = loadTest.run(process, server.url(), tool, PEAK_CONNECTIONS, plan.seconds);
                windows.put(tool, new Object[]{from, Instant.now(), run});
            }
            process.stop(Duration.ofSeconds(60));   // JFR writes the recording as the JVM exits
        }
        var out = new LinkedHashMap<String, Object>();
        for (var window : windows.entrySet()) {
            var run = (LoadTest.Run) window.getValue()[2];
            JsonObject summary = Profiler.summarize(recording, (Instant) window.getValue()[0], (Instant) window.getValue()[1], run.requests());
            System.out.println("  " + window.getKey() + ": CPU by component (% of samples) " + summary.object("cpuPercentByComponent")
                    + "; allocation " + summary.number("allocBytesPerRequest") + " bytes/request");
            out.put(window.getKey(), summary.with("rps", Json.of(LoadTest.round(run.rps(), 1))));
        }
        return Json.of(out).asObject();
    }

    // ---- cold start -------------------------------------------------------------------------------------------

    private List<JsonObject> coldStart() throws IOException, InterruptedException {
        String jmcpCp = classpath(Bench::jmcpJar);
        String sdkCp = classpath(Bench::sdkJar);
        String catalog = catalogFile.toString();
        // "jmcp + AOT cache" runs as the container image does: jmcp's start-up options, and a cache trained with them
        // (StartupOptions). The "JVM defaults" variants show what the options are worth, for jmcp and the Java SDK alike.
        List<String> tuned = StartupOptions.RUN;
        List<String> tunedTraining = concat(StartupOptions.RUN, StartupOptions.TRAINING);
        Path jmcpAot = train("jmcp", jmcpCp, "dev.jmcp.bench.JmcpBenchServer", tunedTraining);
        Path jmcpAotDefaults = train("jmcp-defaults", jmcpCp, "dev.jmcp.bench.JmcpBenchServer", List.of());
        Path sdkAot = train("java-sdk", sdkCp, "dev.jmcp.bench.SdkBenchServer", List.of());
        Path sdkAotTuned = train("java-sdk-tuned", sdkCp, "dev.jmcp.bench.SdkBenchServer", tunedTraining);
        var variants = new ArrayList<>(List.of(
                new ColdStart.Variant("floor", "bare JVM hello world (floor)", List.of(java, "-cp", benchJar().toString(),
                        "dev.jmcp.bench.Hello"), -1),
                new ColdStart.Variant("jmcp", "jmcp", List.of(java, "-cp", jmcpCp, "dev.jmcp.bench.JmcpBenchServer", "18181", catalog), 18181),
                new ColdStart.Variant("jmcp-aot", "jmcp + AOT cache (jmcp's start-up options)", concat(List.of(java, "-XX:AOTCache=" + jmcpAot),
                        tuned, List.of("-cp", jmcpCp, "dev.jmcp.bench.JmcpBenchServer", "18182", catalog)), 18182),
                new ColdStart.Variant("jmcp-aot-defaults", "jmcp + AOT cache, JVM defaults", List.of(java, "-XX:AOTCache=" + jmcpAotDefaults,
                        "-cp", jmcpCp, "dev.jmcp.bench.JmcpBenchServer", "18183", catalog), 18183),
                new ColdStart.Variant("jmcp-aot-c1", "jmcp + AOT cache, JVM defaults + C1 only", List.of(java, "-XX:AOTCache=" + jmcpAotDefaults,
                        "-XX:TieredStopAtLevel=1", "-cp", jmcpCp, "dev.jmcp.bench.JmcpBenchServer", "18184", catalog), 18184),
                new ColdStart.Variant("java-sdk", "Java SDK", List.of(java, "-cp", sdkCp, "dev.jmcp.bench.SdkBenchServer", "18185", catalog), 18185),
                new ColdStart.Variant("java-sdk-aot", "Java SDK + AOT cache", List.of(java, "-XX:AOTCache=" + sdkAot, "-cp", sdkCp,
                        "dev.jmcp.bench.SdkBenchServer", "18186", catalog), 18186),
                new ColdStart.Variant("java-sdk-aot-tuned", "Java SDK + AOT cache (jmcp's start-up options)", concat(List.of(java,
                        "-XX:AOTCache=" + sdkAotTuned), tuned, List.of("-cp", sdkCp, "dev.jmcp.bench.SdkBenchServer", "18187", catalog)), 18187),
                new ColdStart.Variant("ts-sdk", "TypeScript SDK", List.of(options.node, options.tsServer.toString(), "18188", catalog,
                        "express"), 18188)));
        if (options.imageJre != null) {
            // What the Cloud Run image runs: its jlinked runtime (no jdk.localedata, so Jetty's MimeTypes enumerates far
            // fewer locales at class init), jmcp's start-up options, and a cache trained on that runtime.
            String imageJava = options.imageJre.resolve("bin/java").toString();
            Path imageAot = train(imageJava, "jmcp-image-jre", jmcpCp, "dev.jmcp.bench.JmcpBenchServer", tunedTraining);
            variants.add(new ColdStart.Variant("jmcp-aot-image-jre", "jmcp + AOT cache, as in the image (jlinked JRE)",
                    concat(List.of(imageJava, "-XX:AOTCache=" + imageAot), tuned,
                            List.of("-cp", jmcpCp, "dev.jmcp.bench.JmcpBenchServer", "18189", catalog)), 18189));
        }
        System.out.println("cold start: " + variants.size() + " variants x " + plan.coldRuns + " runs (+1 warm-up round), unpinned");
        List<JsonObject> results = new ColdStart(logs).measure(variants, plan.coldRuns);
        for (JsonObject r : results) {
            System.out.printf(Locale.ROOT, "  %-48s median %7.1f ms  (min %.1f, max %.1f)%s%n", r.string("label"),
                    r.number("medianMs").doubleValue(), r.number("minMs").doubleValue(), r.number("maxMs").doubleValue(),
                    r.has("cpuMedianMs") ? String.format(Locale.ROOT, "  CPU %.0f ms", r.number("cpuMedianMs").doubleValue()) : "");
        }
        return results;
    }

    /**
     * report.html is the page of the latest full run; a quick or partial run gets its own page beside its JSON, so that
     * timing one phase again never replaces the full picture with a part of it.
     */
    static String reportName(String resultName, boolean quick, Set<String> phases) {
        return !quick && phases.containsAll(Options.PHASES) ? "report.html" : resultName.replace(".json", ".html");
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        var out = new ArrayList<String>();
        for (List<String> part : parts) out.addAll(part);
        return List.copyOf(out);
    }

    /**
     * A JDK 25 AOT cache (JEP 483/514) from one training run: start with {@code -XX:AOTCacheOutput} (and the given JVM
     * options), serve 100 calls of each tool, SIGTERM; the JVM writes the cache as it exits. Same JDK, class path and
     * options as the timed runs.
     */
    private Path train(String id, String classpath, String main, List<String> jvmOptions) throws IOException, InterruptedException {
        return train(java, id, classpath, main, jvmOptions);
    }

    private Path train(String java, String id, String classpath, String main, List<String> jvmOptions)
            throws IOException, InterruptedException {
        Path aot = work.resolve(id + ".aot");
        Files.deleteIfExists(aot);
        var command = concat(List.of(java), jvmOptions, List.of("-XX:AOTCacheOutput=" + aot, "-cp", classpath, main, "18180",
                catalogFile.toString()));
        commands.put("aot training " + id, Shell.join(command) + "   # then 100 calls of each tool, then SIGTERM");
        var server = new Server(id, id + " (AOT training)", 18180, command);
        try (var process = ServerProcess.start(command, logs.resolve("aot-training-" + id + ".log"))) {
            awaitReady(process, server);
            for (int i = 0; i < 100; i++) {
                for (String tool : TOOLS) {
                    String problem = probe.check(server.url(), tool);
                    if (problem != null) throw new IOException(id + " answered wrongly during AOT training: " + problem);
                }
            }
            process.stop(Duration.ofSeconds(120));   // writing the cache takes a few seconds
        }
        if (!Files.exists(aot)) throw new IOException("no AOT cache was written to " + aot + "; see " + logs);
        return aot;
    }

    // ---- JMH --------------------------------------------------------------------------------------------------

    private List<JsonObject> jmh() throws IOException, InterruptedException {
        System.out.println("jmh: endpoint benchmark, then the codec's as paired forks (" + (plan.quick ? "about 1 minute" : "about 9 minutes")
                + "); log: " + options.root.relativize(logs.resolve("jmh.log")));
        List<JsonObject> results = JmhRunner.run(java, classpath(path -> true), plan.quick, work, logs.resolve("jmh.log"), commands);
        System.out.println("  " + results.size() + " results");
        return results;
    }

    // ---- class paths ------------------------------------------------------------------------------------------

    /** jmcp's servers need jmcp, Jetty core and SLF4J (Jetty logs through it). */
    private static boolean jmcpJar(String path) {
        return path.contains("/jmcp-core-") || path.contains("/jmcp-server-") || path.contains("/org/slf4j/")
                || path.matches(".*/org/eclipse/jetty/jetty-(server|http|io|util)/.*");
    }

    /** The SDK server needs everything but jmcp, JMH and the Jackson 2 that only the codec benchmark uses. */
    private static boolean sdkJar(String path) {
        return !path.contains("/jmcp-core-") && !path.contains("/jmcp-server-") && !path.contains("/org/openjdk/jmh/")
                && !path.contains("/jopt-simple/") && !path.contains("/commons-math3/")
                && !path.contains("/com/fasterxml/jackson/core/jackson-core/")
                && !path.contains("/com/fasterxml/jackson/core/jackson-databind/");
    }

    private Path benchJar() {
        return options.benchJar;
    }

    /** The bench jar first, then the dependency jars that {@code keep} accepts, in Maven's order. */
    private String classpath(Predicate<String> keep) throws IOException {
        var entries = new ArrayList<String>();
        entries.add(benchJar().toString());
        for (String entry : Files.readString(options.classpathFile).trim().split(":")) {
            if (keep.test(entry)) entries.add(entry);
        }
        return String.join(":", entries);
    }

    // ---- options ----------------------------------------------------------------------------------------------

    static final class Options {
        static final String USAGE = "usage: Bench --root DIR --classpath FILE --bench-jar JAR --node NODE --ts-server FILE"
                + " [--quick] [--only load,profile,cold,jmh] [--no-pin] [--image-jre DIR]";

        Path root;
        Path classpathFile;
        Path benchJar;
        String node;
        /** A jlinked runtime as the container image ships (e.g. one kept in ~/.cache/jmcp/jre); null: no such variant. */
        Path imageJre;
        Path tsServer;
        boolean quick;
        boolean pin = true;
        static final List<String> PHASES = List.of("load", "profile", "cold", "jmh");

        Set<String> phases = new LinkedHashSet<>(PHASES);

        static Options parse(String[] args) {
            var o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--quick" -> o.quick = true;
                    case "--no-pin" -> o.pin = false;
                    case "--image-jre" -> o.imageJre = Path.of(value(args, ++i, arg)).toAbsolutePath();
                    case "--root" -> o.root = Path.of(value(args, ++i, arg)).toAbsolutePath().normalize();
                    case "--classpath" -> o.classpathFile = Path.of(value(args, ++i, arg));
                    case "--bench-jar" -> o.benchJar = Path.of(value(args, ++i, arg)).toAbsolutePath();
                    case "--node" -> o.node = value(args, ++i, arg);
                    case "--ts-server" -> o.tsServer = Path.of(value(args, ++i, arg)).toAbsolutePath();
                    case "--only" -> {
                        o.phases = new LinkedHashSet<>(List.of(value(args, ++i, arg).split(",")));
                        for (String phase : o.phases) {
                            if (!PHASES.contains(phase)) {
                                throw new IllegalArgumentException("--only takes " + String.join(", ", PHASES) + ", got \"" + phase + "\"");
                            }
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown argument \"" + arg + "\"");
                }
            }
            if (o.root == null || o.classpathFile == null || o.benchJar == null) {
                throw new IllegalArgumentException("--root, --classpath and --bench-jar are required");
            }
            if (o.imageJre != null && !Files.isExecutable(o.imageJre.resolve("bin/java"))) {
                throw new IllegalArgumentException("--image-jre " + o.imageJre + " has no bin/java");
            }
            if ((o.phases.contains("load") || o.phases.contains("cold")) && (o.node == null || o.tsServer == null)) {
                throw new IllegalArgumentException("--node and --ts-server are required for the load and cold phases");
            }
            if (o.pin && Runtime.getRuntime().availableProcessors() < 2) {
                throw new IllegalArgumentException("pinning needs 2 CPUs, this machine has "
                        + Runtime.getRuntime().availableProcessors() + "; pass --no-pin");
            }
            return o;
        }

        private static String value(String[] args, int i, String name) {
            if (i >= args.length) throw new IllegalArgumentException(name + " needs a value");
            return args[i];
        }
    }
}
