package dev.jmcp.bench;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonArray;
import dev.jmcp.json.JsonNumber;
import dev.jmcp.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the JMH benchmarks ({@link CodecBenchmark}, {@link EndpointBenchmark}) in a child JVM with {@code -prof gc}
 * and reads JMH's JSON result: per benchmark the mean score with JMH's 99.9% error, the median iteration, and the
 * bytes allocated per operation.
 */
final class JmhRunner {
    private JmhRunner() {
    }

    /**
     * The JMH command line: JMH's own main on the bench class path, writing JSON to {@code resultFile}. Three forks
     * of short iterations rather than one of long ones: here the score moves more between forks (how the JIT happened
     * to compile the loop) than between iterations, so one fork's figure can be 10% off either way.
     */
    static List<String> command(String java, String classpath, boolean quick, Path resultFile) {
        var command = new ArrayList<>(List.of(java, "-cp", classpath, "org.openjdk.jmh.Main",
                "-prof", "gc", "-rf", "json", "-rff", resultFile.toString()));
        command.addAll(quick
                ? List.of("-f", "1", "-wi", "1", "-w", "300ms", "-i", "2", "-r", "300ms")
                : List.of("-f", "3", "-wi", "3", "-w", "1s", "-i", "3", "-r", "1s"));
        command.add("dev.jmcp.bench.(CodecBenchmark|EndpointBenchmark)");
        return command;
    }

    static List<JsonObject> run(List<String> command, Path log, Path resultFile) throws IOException, InterruptedException {
        Files.deleteIfExists(resultFile);
        Process jmh = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = jmh.waitFor();
        if (exit != 0 || !Files.exists(resultFile)) {
            throw new IOException("JMH failed (exit " + exit + "); see " + log);
        }
        var out = new ArrayList<JsonObject>();
        for (var item : Json.parse(Files.readAllBytes(resultFile)).asArray()) {
            JsonObject result = item.asObject();
            String benchmark = result.string("benchmark");
            JsonObject params = result.optObject("params");
            JsonObject primary = result.object("primaryMetric");
            JsonObject alloc = result.object("secondaryMetrics").optObject("gc.alloc.rate.norm");
            out.add(Json.object(
                    "benchmark", benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1),
                    "param", params == null ? null : params.members().values().iterator().next(),
                    "opsPerSec", LoadTest.round(primary.number("score").doubleValue(), 1),
                    "error", primary.get("scoreError") instanceof JsonNumber e ? LoadTest.round(e.doubleValue(), 1) : null,
                    "medianOpsPerSec", LoadTest.round(median(primary.array("rawData")), 1),
                    "allocBytesPerOp", alloc == null ? null : LoadTest.round(alloc.number("score").doubleValue(), 0)));
        }
        return out;
    }

    private static double median(JsonArray rawData) {
        double[] values = rawData.items().stream().flatMap(fork -> fork.asArray().items().stream())
                .mapToDouble(v -> v.asNumber().doubleValue()).sorted().toArray();
        return values.length == 0 ? Double.NaN : ColdStart.median(values);
    }
}
