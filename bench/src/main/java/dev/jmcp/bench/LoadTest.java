package dev.jmcp.bench;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives one server with wrk (Debian's package: one thread, N keep-alive connections, closed loop) and the Lua
 * script in {@code bench/wrk/mcp-post.lua}, while a sampler reads the server's memory and wrk's CPU from
 * {@code /proc}. The server's CPU time is read before and after.
 */
final class LoadTest {
    private final Path luaScript;
    private final Path workDir;
    private final String loadCpu;   // null: not pinned
    private final List<List<String>> commands = new ArrayList<>();

    LoadTest(Path luaScript, Path workDir, String loadCpu) {
        this.luaScript = luaScript;
        this.workDir = workDir;
        this.loadCpu = loadCpu;
    }

    /** One wrk run's figures, as they go into the result file. */
    record Run(String tool, int connections, int seconds, JsonObject wrk, double serverCpuSeconds, double wallSeconds,
               double wrkCpuSeconds, long peakRssKb, List<String> command) {

        long requests() {
            return wrk.number("requests").longValue();
        }

        double rps() {
            return requests() / (wrk.number("durationMicros").doubleValue() / 1e6);
        }

        double latencyMillis(String name) {
            return wrk.object("latencyMicros").number(name).doubleValue() / 1000.0;
        }

        /** Socket errors, timeouts, non-200 statuses and bodies without the marker: any of them voids the run. */
        long failures() {
            JsonObject errors = wrk.object("errors");
            long sum = wrk.number("badStatus").longValue() + wrk.number("badBody").longValue();
            for (String kind : List.of("connect", "read", "write", "timeout")) sum += errors.number(kind).longValue();
            return sum;
        }

        JsonObject toJson() {
            return Json.object(
                    "tool", tool,
                    "connections", connections,
                    "seconds", seconds,
                    "requests", requests(),
                    "rps", round(rps(), 1),
                    "latencyMs", Json.object(
                            "mean", round(latencyMillis("mean"), 3),
                            "p50", round(latencyMillis("p50"), 3),
                            "p90", round(latencyMillis("p90"), 3),
                            "p99", round(latencyMillis("p99"), 3),
                            "p999", round(latencyMillis("p999"), 3),
                            "max", round(latencyMillis("max"), 3)),
                    "failures", failures(),
                    "serverCpuCores", round(serverCpuSeconds / wallSeconds, 3),
                    "serverCpuMicrosPerRequest", round(serverCpuSeconds * 1e6 / Math.max(1, requests()), 2),
                    "wrkCpuCores", round(wrkCpuSeconds / wallSeconds, 3),
                    "peakRssKb", peakRssKb,
                    "wrk", wrk);
        }
    }

    Run run(ServerProcess server, String url, String tool, int connections, int seconds) throws IOException, InterruptedException {
        Path body = workDir.resolve(tool + "-request.json");
        if (!Files.exists(body)) Files.writeString(body, Fixtures.callBody(tool));
        List<String> command = ServerProcess.pinned(loadCpu, List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s",
                "--timeout", "10s", "-s", luaScript.toString(), url, "--", body.toString(), McpProbe.marker(tool)));
        if (!commands.contains(command)) commands.add(command);

        var peakRss = new AtomicLong(server.rssKb());
        var wrkCpu = new double[1];
        double cpuBefore = server.cpuSeconds();
        long start = System.nanoTime();
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (wrk.isAlive()) {
                try {
                    peakRss.accumulateAndGet(server.rssKb(), Math::max);
                    wrkCpu[0] = cpuSecondsOf(wrk.pid());
                    Thread.sleep(100);
                } catch (IOException | InterruptedException e) {
                    return; // wrk ended between isAlive and the read
                }
            }
        });
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = wrk.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        double cpuAfter = server.cpuSeconds();
        sampler.join();
        String line = output.lines().filter(l -> l.startsWith("WRK_JSON ")).findFirst().orElse(null);
        if (exit != 0 || line == null) {
            throw new IOException("wrk failed (exit " + exit + "): " + String.join(" ", command) + "\n" + output);
        }
        JsonObject result = Json.parse(line.substring("WRK_JSON ".length())).asObject();
        return new Run(tool, connections, seconds, result, cpuAfter - cpuBefore, wall, wrkCpu[0], peakRss.get(), command);
    }

    /** Every distinct wrk command line run so far. */
    List<List<String>> commands() {
        return commands;
    }

    private static double cpuSecondsOf(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
