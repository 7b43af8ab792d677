package dev.jmcp.bench;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JFR recording of jmcp's server under load and says where its CPU time and allocation go: by component
 * (the JSON codec, the rest of core, the Jetty adapter, Jetty, the JDK) and by method. A sample belongs to the
 * first frame, from the top, that is jmcp's or Jetty's code, so time in {@code String.charAt} called by the JSON
 * writer counts as the JSON codec's. Allocation samples carry a weight in bytes; their sum over the requests served
 * while recording estimates the bytes allocated per request.
 */
final class Profiler {
    private Profiler() {
    }

    /** Summarizes the events between {@code from} and {@code to}, during which the server answered {@code requests}. */
    static JsonObject summarize(Path recording, Instant from, Instant to, long requests) throws IOException {
        var cpuByComponent = new HashMap<String, Long>();
        var cpuByMethod = new HashMap<String, Long>();
        var allocByComponent = new HashMap<String, Long>();
        var allocBySite = new HashMap<String, Long>();
        long cpuSamples = 0;
        long allocBytes = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String type = event.getEventType().getName();
            if (event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) continue;
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) continue;
            if (type.equals("jdk.ExecutionSample")) {
                cpuSamples++;
                cpuByComponent.merge(component(stack.getFrames()), 1L, Long::sum);
                cpuByMethod.merge(method(stack.getFrames().get(0)), 1L, Long::sum);
            } else if (type.equals("jdk.ObjectAllocationSample")) {
                long weight = event.getLong("weight");
                allocBytes += weight;
                allocByComponent.merge(component(stack.getFrames()), weight, Long::sum);
                allocBySite.merge(site(stack.getFrames()), weight, Long::sum);
            }
        }
        double perRequest = Math.max(1, requests);
        return Json.object(
                "requests", requests,
                "cpuSamples", cpuSamples,
                "cpuPercentByComponent", shares(cpuByComponent, cpuSamples, 100.0, 0),
                "topCpuMethodsPercent", shares(cpuByMethod, cpuSamples, 100.0, 12),
                "allocBytesPerRequest", Math.round(allocBytes / perRequest),
                "allocBytesPerRequestByComponent", shares(allocByComponent, perRequest, 1.0, 0),
                "topAllocSitesBytesPerRequest", shares(allocBySite, perRequest, 1.0, 12));
    }

    /** Whose work a stack is: the first jmcp or Jetty frame from the top decides. */
    static String component(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            if (!frame.isJavaFrame()) continue;
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("dev.jmcp.json.")) return "JSON codec (core)";
            if (type.startsWith("dev.jmcp.server.")) return "Jetty adapter (server)";
            if (type.startsWith("dev.jmcp.bench.")) return "tool handlers (bench)";
            if (type.startsWith("dev.jmcp.")) return "protocol (core)";
            if (type.startsWith("org.eclipse.jetty.")) return "Jetty";
        }
        return "JDK (threads, I/O, GC)";
    }

    /** The allocating method and the first jmcp or Jetty frame under it, e.g. "Arrays.copyOf <- JsonWriter$Utf8Sink.grow". */
    private static String site(List<RecordedFrame> frames) {
        String top = method(frames.get(0));
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("dev.jmcp.") || type.startsWith("org.eclipse.jetty.")) {
                String owner = method(frame);
                return owner.equals(top) ? top : top + " <- " + owner;
            }
        }
        return top;
    }

    private static String method(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    /** The largest entries, each divided by {@code total} and scaled; all of them when {@code limit} is 0. */
    private static JsonObject shares(Map<String, Long> counts, double total, double scale, int limit) {
        var out = new LinkedHashMap<String, Object>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit == 0 ? Long.MAX_VALUE : limit)
                .forEach(e -> out.put(e.getKey(), LoadTest.round(e.getValue() * scale / Math.max(1, total), 1)));
        return Json.of(out).asObject();
    }
}
