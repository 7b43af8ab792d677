package dev.jmcp.bench;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cold start: from spawning the process to the first correct tools/call answer, polled every millisecond with the
 * same check as the load test. The floor, a JVM that prints one line, is timed to that line. Variants run in
 * turns (A B C, A B C, ...) so that a slow moment of the machine hits all of them alike, and one discarded round
 * first warms the page cache. For the servers it also records the CPU time the process (all its threads) had used by
 * the first answer: on a shared machine the wall time mostly measures the neighbours, the CPU time does not.
 */
final class ColdStart {
    private static final long GIVE_UP_NANOS = 60_000_000_000L;

    /** One way of starting; {@code port} is -1 for the floor, which answers nothing and only prints. */
    record Variant(String id, String label, List<String> command, int port) {
    }

    private final Path logs;
    private final McpProbe probe = new McpProbe();

    ColdStart(Path logs) {
        this.logs = logs;
    }

    /** Runs every variant {@code runs} times after a warm-up round; returns one result object per variant. */
    List<JsonObject> measure(List<Variant> variants, int runs) throws IOException, InterruptedException {
        var millis = new ArrayList<List<Double>>();
        var cpuMillis = new ArrayList<List<Double>>();
        for (Variant v : variants) {
            once(v, new ArrayList<>());   // warm-up round, discarded
            millis.add(new ArrayList<>());
            cpuMillis.add(new ArrayList<>());
        }
        for (int run = 0; run < runs; run++) {
            for (int i = 0; i < variants.size(); i++) millis.get(i).add(once(variants.get(i), cpuMillis.get(i)));
        }
        var out = new ArrayList<JsonObject>();
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            double[] sorted = millis.get(i).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[] cpu = cpuMillis.get(i).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            JsonObject result = Json.object(
                    "id", v.id(),
                    "label", v.label(),
                    "command", Shell.join(v.command()),
                    "runs", sorted.length,
                    "medianMs", LoadTest.round(median(sorted), 1),
                    "meanMs", LoadTest.round(Arrays.stream(sorted).average().orElse(0), 1),
                    "minMs", LoadTest.round(sorted[0], 1),
                    "maxMs", LoadTest.round(sorted[sorted.length - 1], 1),
                    "ms", Json.array(millis.get(i).stream().map(d -> LoadTest.round(d, 1)).toList()));
            if (cpu.length > 0) result = result.with("cpuMedianMs", Json.of(LoadTest.round(median(cpu), 1)));
            out.add(result);
        }
        return out;
    }

    /** Milliseconds from spawn to the first correct answer (or, for the floor, its first line of output). */
    private double once(Variant v, List<Double> cpuMillis) throws IOException, InterruptedException {
        if (v.port() < 0) return floor(v);
        if (probe.readyRaw(v.port(), "echo")) throw new IOException("port " + v.port() + " is already serving; stop whatever runs there");
        long start = System.nanoTime();
        try (var server = ServerProcess.start(v.command(), logs.resolve("cold-" + v.id() + ".log"))) {
            while (!probe.readyRaw(v.port(), "echo")) {
                if (!server.isAlive()) throw new IOException(v.label() + " exited during cold start; its log:\n" + server.logTail());
                if (System.nanoTime() - start > GIVE_UP_NANOS) throw new IOException(v.label() + " did not answer within 60 s");
                Thread.sleep(1);
            }
            double millis = (System.nanoTime() - start) / 1e6;
            cpuMillis.add(server.cpuSeconds() * 1000);
            return millis;
        }
    }

    private static double floor(Variant v) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(v.command()).redirectErrorStream(true).start();
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            double millis = (System.nanoTime() - start) / 1e6;
            if (line == null) throw new IOException(v.label() + " printed nothing");
            process.waitFor(10, TimeUnit.SECONDS);
            return millis;
        }
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
