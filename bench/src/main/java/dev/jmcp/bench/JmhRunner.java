package dev.jmcp.bench;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonNumber;
import dev.jmcp.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the JMH benchmarks ({@link CodecBenchmark}, {@link EndpointBenchmark}) in child JVMs with {@code -prof gc}
 * and reads JMH's JSON results: per benchmark the mean and median iteration, each fork's mean in the order the forks
 * ran, and the bytes allocated per operation.
 *
 * <p>The codec's benchmarks run as pairs in time. JMH runs one benchmark's forks after another's, so on this shared
 * host jmcp and Jackson were measured minutes apart, and the host's speed drifting in between (jackson-core's own score
 * moved 1.24M to 1.70M ops/s between two runs) showed up as a ratio. Here each fork is its own JMH run: per message and
 * operation, round after round, jmcp, jackson-core and jackson-databind one fork each, the order reversed every
 * round. A ratio is then the median over rounds of the two forks' means from the same round ({@link #pairedRatio}).
 */
final class JmhRunner {
    static final List<String> CODECS = List.of("Jmcp", "JacksonCore", "JacksonTree");
    private static final int ROUNDS = 3;

    private JmhRunner() {
    }

    /**
     * One JMH run: JMH's own main on the bench class path, writing JSON to {@code resultFile}. Short iterations over
     * more forks: here the score moves more between forks (how the JIT happened to compile the loop) than between
     * iterations, so one fork's figure can be 10% off either way.
     */
    static List<String> command(String java, String classpath, boolean quick, Path resultFile, int forks, String... selection) {
        var command = new ArrayList<>(List.of(java, "-cp", classpath, "org.openjdk.jmh.Main",
                "-prof", "gc", "-rf", "json", "-rff", resultFile.toString(), "-f", Integer.toString(forks)));
        command.addAll(quick
                ? List.of("-wi", "1", "-w", "300ms", "-i", "2", "-r", "300ms")
                : List.of("-wi", "3", "-w", "1s", "-i", "3", "-r", "1s"));
        command.addAll(List.of(selection));
        return command;
    }

    /** The endpoint benchmark in three forks, then every codec benchmark as {@link #ROUNDS} rounds of paired forks. */
    static List<JsonObject> run(String java, String classpath, boolean quick, Path work, Path log,
                                Map<String, String> commands) throws IOException, InterruptedException {
        Files.deleteIfExists(log);
        Path resultFile = work.resolve("jmh.json");
        var endpoint = command(java, classpath, quick, resultFile, quick ? 1 : 3, "dev.jmcp.bench.EndpointBenchmark");
        commands.put("jmh endpoint", Shell.join(endpoint));
        var out = new ArrayList<>(results(runOne(endpoint, log, resultFile)));

        int rounds = quick ? 1 : ROUNDS;
        commands.put("jmh codec", Shell.join(codecFork(java, classpath, quick, resultFile, "parse", CODECS.get(0), "CALL_RESULT"))
                + "   # one fork; for each message, parse and write, " + rounds + " rounds of jmcp, jackson-core, jackson-databind, order reversed every round");
        var codecRuns = new ArrayList<JsonObject>();
        for (String message : Summary.MESSAGES) {
            for (String op : List.of("parse", "write")) {
                for (int round = 0; round < rounds; round++) {
                    List<String> order = round % 2 == 0 ? CODECS : CODECS.reversed();
                    for (String codec : order) {
                        codecRuns.addAll(runOne(codecFork(java, classpath, quick, resultFile, op, codec, message), log, resultFile));
                    }
                }
            }
        }
        out.addAll(results(codecRuns));
        return out;
    }

    private static List<String> codecFork(String java, String classpath, boolean quick, Path resultFile, String op,
                                          String codec, String message) {
        return command(java, classpath, quick, resultFile, 1, "-p", "message=" + message, "dev.jmcp.bench.CodecBenchmark." + op + codec + "$");
    }

    private static List<JsonObject> runOne(List<String> command, Path log, Path resultFile) throws IOException, InterruptedException {
        Files.deleteIfExists(resultFile);
        Process jmh = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        int exit = jmh.waitFor();
        if (exit != 0 || !Files.exists(resultFile)) {
            throw new IOException("JMH failed (exit " + exit + "); see " + log);
        }
        List<JsonObject> results = Json.parse(Files.readAllBytes(resultFile)).asArray().items().stream().map(Json::asObject).toList();
        if (results.isEmpty()) throw new IOException("JMH ran no benchmark for " + command.getLast() + "; see " + log);
        return results;
    }

    /**
     * JMH's results as ours, one per benchmark and parameter; results of the same benchmark and parameter from
     * separate runs (one fork each) are merged into one, their forks in the order given.
     */
    static List<JsonObject> results(List<JsonObject> jmhResults) {
        var byKey = new LinkedHashMap<String, List<JsonObject>>();
        for (JsonObject r : jmhResults) {
            String key = r.string("benchmark") + " " + param(r);
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        var out = new ArrayList<JsonObject>();
        for (List<JsonObject> runs : byKey.values()) out.add(merge(runs));
        return out;
    }

    /** The value of a JMH result's one parameter (our benchmarks have at most one), or null. */
    private static Json param(JsonObject jmhResult) {
        JsonObject params = jmhResult.optObject("params");
        return params == null ? null : params.members().values().iterator().next();
    }

    private static JsonObject merge(List<JsonObject> runs) {
        JsonObject first = runs.getFirst();
        String benchmark = first.string("benchmark");
        var iterations = new ArrayList<Double>();
        var forkMeans = new ArrayList<Object>();
        double alloc = 0;
        int allocRuns = 0;
        for (JsonObject run : runs) {
            for (var fork : run.object("primaryMetric").array("rawData")) {
                double[] values = fork.asArray().items().stream().mapToDouble(v -> v.asNumber().doubleValue()).toArray();
                for (double v : values) iterations.add(v);
                forkMeans.add(LoadTest.round(Arrays.stream(values).average().orElse(Double.NaN), 1));
            }
            JsonObject allocation = run.object("secondaryMetrics").optObject("gc.alloc.rate.norm");
            if (allocation != null) {
                alloc += allocation.number("score").doubleValue();
                allocRuns++;
            }
        }
        double[] sorted = iterations.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        JsonObject primary = first.object("primaryMetric");
        return Json.object(
                "benchmark", benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1),
                "param", param(first),
                "opsPerSec", LoadTest.round(Arrays.stream(sorted).average().orElse(Double.NaN), 1),
                // JMH's confidence interval covers one run's forks; merged runs have none.
                "error", runs.size() == 1 && primary.get("scoreError") instanceof JsonNumber e ? LoadTest.round(e.doubleValue(), 1) : null,
                "medianOpsPerSec", LoadTest.round(sorted.length == 0 ? Double.NaN : ColdStart.median(sorted), 1),
                "forkOpsPerSec", Json.array(forkMeans),
                "allocBytesPerOp", allocRuns == 0 ? null : LoadTest.round(alloc / allocRuns, 0));
    }

    /**
     * {@code a / b} as the median over rounds of the ratio of their forks' means in the same round; the forks of two
     * codec benchmarks for the same message ran round by round, so the i-th forks of each ran minutes apart at most.
     */
    static double pairedRatio(JsonObject a, JsonObject b) {
        if (a == null || b == null) return Double.NaN;
        List<Json> x = a.array("forkOpsPerSec").items(), y = b.array("forkOpsPerSec").items();
        int n = Math.min(x.size(), y.size());
        double[] ratios = new double[n];
        for (int i = 0; i < n; i++) ratios[i] = x.get(i).asNumber().doubleValue() / y.get(i).asNumber().doubleValue();
        Arrays.sort(ratios);
        return n == 0 ? Double.NaN : ColdStart.median(ratios);
    }
}
