package dev.jmcp.bench;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the numbers were measured on: CPU, memory, kernel, and the exact runtimes and load generator. */
final class Machine {
    private Machine() {
    }

    static JsonObject describe(String java, String node) {
        return Json.object(
                "cpu", cpuModel(),
                "cpus", Runtime.getRuntime().availableProcessors(),
                "memoryGb", Math.round(memoryKb() / 1024.0 / 1024.0),
                "kernel", firstLine(List.of("uname", "-sr")),
                "java", firstLine(List.of(java, "-XshowSettings:properties", "-version"), "java.runtime.version")
                        + " (" + System.getProperty("java.vm.vendor") + ")",
                "node", node == null ? null : firstLine(List.of(node, "-v")),
                "wrk", firstLine(List.of("wrk", "-v")),
                "loadAverage", firstLine(List.of("cat", "/proc/loadavg")));
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long memoryKb() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String firstLine(List<String> command) {
        return firstLine(command, null);
    }

    /** The first line of the command's output, or the first that contains {@code containing}, trimmed. */
    private static String firstLine(List<String> command, String containing) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out.lines().filter(l -> containing == null || l.contains(containing)).map(String::trim)
                    .map(l -> containing == null ? l : l.substring(l.indexOf('=') + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
