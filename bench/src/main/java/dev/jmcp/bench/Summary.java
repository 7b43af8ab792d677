package dev.jmcp.bench;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonArray;
import dev.jmcp.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * The ratios the issue asks for, computed from one run's raw results, and the goals checked against them. Ratios
 * are jmcp divided by the peer for throughput (above 1: jmcp serves more) and jmcp divided by the peer for times
 * (below 1: jmcp is quicker).
 */
final class Summary {
    static final List<String> PEERS = List.of("java-sdk", "ts-sdk");
    static final List<String> MESSAGES = List.of("TOOLS_LIST", "CALL_REQUEST", "CALL_RESULT", "RESOURCE_READ");

    /** One goal of the issue and whether this run met it. */
    record Goal(String name, String target, String measured, boolean met) {
    }

    private final JsonObject load;
    private final List<JsonObject> cold;
    private final List<JsonObject> jmh;
    private final JsonObject profile;
    private final List<Goal> goals = new ArrayList<>();

    Summary(JsonObject load, List<JsonObject> cold, List<JsonObject> jmh, JsonObject profile) {
        this.load = load;
        this.cold = cold;
        this.jmh = jmh;
        this.profile = profile;
        if (load != null) loadGoals();
        if (cold != null) coldGoals();
        if (jmh != null) codecGoals();
    }

    List<Goal> goals() {
        return goals;
    }

    // ---- lookups ----------------------------------------------------------------------------------------------

    JsonObject server(String id) {
        for (var s : load.array("servers")) if (s.asObject().string("id").equals(id)) return s.asObject();
        return null;
    }

    JsonObject run(String serverId, String tool, int connections) {
        JsonObject server = serverId.equals("ceiling") ? load.object("ceiling") : server(serverId);
        for (var r : server.array("runs")) {
            JsonObject run = r.asObject();
            if (run.string("tool").equals(tool) && run.number("connections").intValue() == connections) return run;
        }
        return null;
    }

    double rps(String serverId, String tool, int connections) {
        return run(serverId, tool, connections).number("rps").doubleValue();
    }

    double p99(String serverId, String tool, int connections) {
        return run(serverId, tool, connections).object("latencyMs").number("p99").doubleValue();
    }

    double coldMedian(String id) {
        for (JsonObject v : cold) if (v.string("id").equals(id)) return v.number("medianMs").doubleValue();
        return Double.NaN;
    }

    /** jmcp's codec against a rival ("JacksonCore", "JacksonTree") for one operation and message, paired by round. */
    double codecRatio(String op, String rival, String message) {
        return JmhRunner.pairedRatio(jmhResult("CodecBenchmark." + op + "Jmcp", message), jmhResult("CodecBenchmark." + op + rival, message));
    }

    JsonObject jmhResult(String benchmark, String param) {
        for (JsonObject r : jmh) {
            if (r.string("benchmark").equals(benchmark) && param.equals(r.optString("param"))) return r;
        }
        return null;
    }

    // ---- goals ------------------------------------------------------------------------------------------------

    private void loadGoals() {
        int c = Bench.PEAK_CONNECTIONS;
        for (String tool : Bench.TOOLS) {
            double jmcp = rps("jmcp", tool, c);
            double sdk = jmcp / rps("java-sdk", tool, c);
            double ts = jmcp / rps("ts-sdk", tool, c);
            goals.add(new Goal("throughput vs Java SDK, " + tool + ", " + c + " connections", ">= 2x", x(sdk), sdk >= 2));
            goals.add(new Goal("throughput vs TypeScript SDK, " + tool + ", " + c + " connections", ">= 3x", x(ts), ts >= 3));
            double p99 = p99("jmcp", tool, c);
            goals.add(new Goal("jmcp p99 latency, " + tool + ", " + c + " connections", "<= 5 ms", ms(p99), p99 <= 5));
        }
        for (var s : load.array("servers")) {
            for (var r : s.asObject().array("runs")) {
                long failures = r.asObject().number("failures").longValue();
                if (failures > 0) {
                    goals.add(new Goal("no failed requests: " + s.asObject().string("id") + " " + r.asObject().string("tool") + " "
                            + r.asObject().number("connections") + " connections", "0", Long.toString(failures), false));
                }
            }
        }
    }

    private void coldGoals() {
        double aot = coldMedian("jmcp-aot");
        double vsSdk = aot / coldMedian("java-sdk");
        double vsFloor = aot / coldMedian("floor");
        goals.add(new Goal("cold start, jmcp + AOT cache vs Java SDK", "<= 0.25x", x(vsSdk), vsSdk <= 0.25));
        goals.add(new Goal("cold start, jmcp + AOT cache vs bare JVM floor", "<= 2.5x", x(vsFloor), vsFloor <= 2.5));
    }

    private void codecGoals() {
        for (String op : List.of("parse", "write")) {
            for (String message : MESSAGES) {
                double ratio = codecRatio(op, "JacksonCore", message);
                goals.add(new Goal("codec " + op + " vs jackson-core, " + message, ">= 1.0x", x(ratio), ratio >= 1.0));
            }
        }
    }

    JsonArray goalsJson() {
        return Json.array(goals.stream().map(g -> (Object) Json.object("goal", g.name(), "target", g.target(),
                "measured", g.measured(), "met", g.met())).toList());
    }

    // ---- ratios -----------------------------------------------------------------------------------------------

    JsonObject ratios() {
        var out = new LinkedHashMap<String, Object>();
        if (load != null) {
            var throughput = new LinkedHashMap<String, Object>();
            for (String tool : Bench.TOOLS) {
                var perConnections = new LinkedHashMap<String, Object>();
                for (int c : Bench.CONNECTIONS) {
                    double jmcp = rps("jmcp", tool, c);
                    perConnections.put(Integer.toString(c), Json.object(
                            "vsJavaSdk", LoadTest.round(jmcp / rps("java-sdk", tool, c), 2),
                            "vsTsSdk", LoadTest.round(jmcp / rps("ts-sdk", tool, c), 2),
                            "jmcpP99Ms", p99("jmcp", tool, c)));
                }
                perConnections.put("ofCeiling64", LoadTest.round(rps("jmcp", tool, Bench.PEAK_CONNECTIONS)
                        / rps("ceiling", tool, Bench.PEAK_CONNECTIONS), 2));
                throughput.put(tool, perConnections);
            }
            out.put("throughput", throughput);
            var memory = new LinkedHashMap<String, Object>();
            for (var s : load.array("servers")) {
                JsonObject server = s.asObject();
                memory.put(server.string("id"), Json.object("idleRssMb", mb(server.number("idleRssKb").longValue()),
                        "peakRssMb", mb(server.number("peakRssKb").longValue())));
            }
            out.put("memory", memory);
        }
        if (cold != null) {
            double aot = coldMedian("jmcp-aot");
            out.put("coldStart", Json.object(
                    "jmcpAotVsJavaSdk", LoadTest.round(aot / coldMedian("java-sdk"), 3),
                    "jmcpAotVsJavaSdkAot", LoadTest.round(aot / coldMedian("java-sdk-aot"), 3),
                    "jmcpAotVsTsSdk", LoadTest.round(aot / coldMedian("ts-sdk"), 3),
                    "jmcpAotVsFloor", LoadTest.round(aot / coldMedian("floor"), 3),
                    "jmcpAotDefaultsVsFloor", LoadTest.round(coldMedian("jmcp-aot-defaults") / coldMedian("floor"), 3),
                    "jmcpAotVsJmcpAotDefaults", LoadTest.round(aot / coldMedian("jmcp-aot-defaults"), 3),
                    "jmcpAotVsJavaSdkAotTuned", LoadTest.round(aot / coldMedian("java-sdk-aot-tuned"), 3),
                    "jmcpVsJavaSdk", LoadTest.round(coldMedian("jmcp") / coldMedian("java-sdk"), 3),
                    "jmcpAotVsJmcp", LoadTest.round(aot / coldMedian("jmcp"), 3)));
        }
        if (jmh != null) {
            var codec = new LinkedHashMap<String, Object>();
            for (String op : List.of("parse", "write")) {
                var perMessage = new LinkedHashMap<String, Object>();
                for (String message : MESSAGES) {
                    perMessage.put(message, Json.object(
                            "vsJacksonCore", LoadTest.round(codecRatio(op, "JacksonCore", message), 2),
                            "vsJacksonTree", LoadTest.round(codecRatio(op, "JacksonTree", message), 2)));
                }
                codec.put(op, perMessage);
            }
            out.put("codecOpsPerSec", codec);
            var alloc = new LinkedHashMap<String, Object>();
            for (String tool : Bench.TOOLS) {
                JsonObject r = jmhResult("EndpointBenchmark.toolsCall", tool);
                if (r != null) alloc.put(tool, r.get("allocBytesPerOp"));
            }
            out.put("jmcpEndpointAllocBytesPerRequest", alloc);
        }
        return Json.of(out).asObject();
    }

    // ---- text -------------------------------------------------------------------------------------------------

    String text() {
        var out = new StringBuilder();
        if (load != null) {
            int c = Bench.PEAK_CONNECTIONS;
            out.append("Throughput at ").append(c).append(" connections, requests/s (ratio = jmcp / peer):\n");
            for (String tool : Bench.TOOLS) {
                double jmcp = rps("jmcp", tool, c);
                out.append(String.format(Locale.ROOT, "  %-8s jmcp %,8.0f   Java SDK %,7.0f (%s)   TypeScript SDK %,7.0f (%s)   jmcp p99 %s   ceiling %,8.0f%n",
                        tool, jmcp, rps("java-sdk", tool, c), x(jmcp / rps("java-sdk", tool, c)), rps("ts-sdk", tool, c),
                        x(jmcp / rps("ts-sdk", tool, c)), ms(p99("jmcp", tool, c)), rps("ceiling", tool, c)));
            }
            JsonObject jmcp = server("jmcp");
            out.append(String.format(Locale.ROOT, "  jmcp RSS: idle %.0f MB, peak under load %.0f MB%n",
                    mb(jmcp.number("idleRssKb").longValue()), mb(jmcp.number("peakRssKb").longValue())));
        }
        if (profile != null) {
            for (String tool : Bench.TOOLS) {
                JsonObject p = profile.object(tool);
                out.append(String.format(Locale.ROOT, "  jmcp %s under load (JFR): %,d bytes allocated per request; CPU %% by component %s%n",
                        tool, p.number("allocBytesPerRequest").longValue(), p.object("cpuPercentByComponent")));
            }
        }
        if (cold != null) {
            out.append("Cold start, median ms to the first tools/call answer:");
            for (JsonObject v : cold) out.append(String.format(Locale.ROOT, "  %s %.0f;", v.string("id"), v.number("medianMs").doubleValue()));
            out.setLength(out.length() - 1);
            out.append(String.format(Locale.ROOT, "%n  jmcp + AOT cache = %s the Java SDK, %s the bare-JVM floor%n",
                    x(coldMedian("jmcp-aot") / coldMedian("java-sdk")), x(coldMedian("jmcp-aot") / coldMedian("floor"))));
        }
        if (jmh != null) {
            out.append("JSON codec, jmcp / Jackson (median of paired forks' ratios; above 1 = jmcp faster):\n");
            for (String op : List.of("parse", "write")) {
                for (String rival : List.of("JacksonCore", "JacksonTree")) {
                    out.append(String.format(Locale.ROOT, "  %s vs %-16s", op, rival.equals("JacksonCore") ? "jackson-core:" : "jackson-databind:"));
                    for (String message : MESSAGES) {
                        double ratio = codecRatio(op, rival, message);
                        out.append(' ').append(message).append(' ').append(x(ratio)).append(';');
                    }
                    out.setLength(out.length() - 1);
                    out.append('\n');
                }
            }
            for (String tool : Bench.TOOLS) {
                JsonObject r = jmhResult("EndpointBenchmark.toolsCall", tool);
                if (r != null) out.append("  jmcp endpoint allocation per ").append(tool).append(" request: ")
                        .append(r.number("allocBytesPerOp").longValue()).append(" bytes\n");
            }
        }
        out.append("Goals:\n");
        for (Goal g : goals) {
            out.append(String.format(Locale.ROOT, "  [%s] %s: %s (goal %s)%n", g.met() ? "met" : "MISSED", g.name(), g.measured(), g.target()));
        }
        return out.toString();
    }

    static String x(double ratio) {
        return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, ratio >= 10 ? "%.1fx" : "%.2fx", ratio);
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, "%.2f ms", millis);
    }

    static double mb(long kb) {
        return LoadTest.round(kb / 1024.0, 1);
    }
}
