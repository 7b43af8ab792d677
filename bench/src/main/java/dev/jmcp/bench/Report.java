package dev.jmcp.bench;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * The human-readable side of a result file: one self-contained HTML page (inline CSS and SVG, nothing fetched)
 * with the goals, charts, every figure, and the exact command lines.
 */
final class Report {
    private static final String[] SERVER_COLORS = {"#2563eb", "#ea580c", "#6b7280", "#a8a29e"};
    private static final String[] CODEC_COLORS = {"#2563eb", "#16a34a", "#9333ea"};

    private Report() {
    }

    static String html(JsonObject result, Summary summary, String resultFile) {
        var h = new StringBuilder(64 * 1024);
        JsonObject machine = result.object("machine");
        h.append("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <title>jmcp benchmark</title>
                <style>
                body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#1f2937}
                h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #e5e7eb;padding-bottom:.2em}
                .meta{color:#6b7280}table{border-collapse:collapse;margin:.8em 0;font-size:13px}
                th,td{border:1px solid #e5e7eb;padding:3px 7px;text-align:right}th{background:#f9fafb}
                td:first-child,th:first-child{text-align:left}.met{color:#15803d;font-weight:600}.missed{color:#b91c1c;font-weight:600}
                pre{background:#f3f4f6;padding:.8em;overflow-x:auto;font-size:12px;white-space:pre-wrap;word-break:break-all}
                svg{display:block;margin:1em 0}svg text{font:12px system-ui,sans-serif;fill:#1f2937}
                </style></head><body>
                """);
        h.append("<h1>jmcp against the official MCP SDKs, side by side</h1>\n");
        h.append("<p class=meta>").append(esc(result.string("date"))).append(" &middot; ").append(esc(result.string("mode")))
                .append(" run, ").append(result.number("elapsedSeconds")).append(" s &middot; ").append(esc(machine.string("cpu")))
                .append(", ").append(machine.number("cpus")).append(" CPUs, ").append(machine.number("memoryGb")).append(" GB, ")
                .append(esc(machine.string("kernel"))).append(" &middot; Java ").append(esc(machine.string("java")))
                .append(" &middot; Node ").append(esc(String.valueOf(machine.optString("node")))).append(" &middot; ")
                .append(esc(machine.string("wrk"))).append("<br>Raw figures: <code>").append(esc(resultFile)).append("</code></p>\n");

        h.append("<h2>Goals</h2>\n<table><tr><th>goal</th><th>target</th><th>measured</th><th></th></tr>\n");
        for (Summary.Goal g : summary.goals()) {
            h.append("<tr><td>").append(esc(g.name())).append("</td><td>").append(esc(g.target())).append("</td><td>")
                    .append(esc(g.measured())).append("</td><td class=").append(g.met() ? "met>met" : "missed>missed").append("</td></tr>\n");
        }
        h.append("</table>\n");

        if (result.has("load")) load(h, result, summary);
        if (result.has("profile")) profile(h, result.object("profile"));
        if (result.has("coldStart")) cold(h, result.object("coldStart"));
        if (result.has("jmh")) jmh(h, result.object("jmh"), summary);

        h.append("<h2>Exact command lines</h2>\n<p>Run from the repository root by <code>bench/run.sh</code>")
                .append(result.string("mode").equals("quick") ? " <code>--quick</code>" : "").append(". Ports, files and the JDK are as on the machine above.</p>\n<pre>");
        for (Map.Entry<String, Json> c : result.object("commands").members().entrySet()) {
            h.append("# ").append(esc(c.getKey())).append('\n').append(esc(c.getValue().asString())).append("\n\n");
        }
        h.append("</pre>\n</body></html>\n");
        return h.toString();
    }

    private static void load(StringBuilder h, JsonObject result, Summary summary) {
        JsonObject load = result.object("load");
        JsonObject settings = result.object("settings");
        h.append("<h2>Throughput and latency over loopback HTTP</h2>\n<p>Every server serves the same two tools in stateless "
                + "Streamable HTTP and answers with JSON: <b>echo</b> (a short text result) and <b>catalog</b> (a 10 KB "
                + "structured result, sent as <code>structuredContent</code> and as its JSON text, about 19 KB on the wire). "
                + "The load generator is ").append(esc(settings.string("loadGenerator"))).append("; pinning: ")
                .append(esc(settings.string("pinning"))).append(". Each server gets ").append(settings.number("firstWarmupSeconds"))
                .append(" s of warm-up per tool, then for each case ").append(settings.number("warmupSeconds")).append(" s discarded and ")
                .append(settings.number("seconds")).append(" s measured. The ceiling is plain Jetty answering with jmcp's response "
                        + "bytes, pinned the same way: what wrk and HTTP allow on this machine.</p>\n");
        var servers = new ArrayList<JsonObject>();
        for (var s : load.array("servers")) servers.add(s.asObject());
        List<String> labels = servers.stream().map(s -> s.string("label")).toList();
        for (String tool : Bench.TOOLS) {
            var groups = Bench.CONNECTIONS.stream().map(c -> c + " connections").toList();
            double[][] rps = new double[groups.size()][servers.size()];
            double[][] p99 = new double[groups.size()][servers.size()];
            for (int g = 0; g < Bench.CONNECTIONS.size(); g++) {
                for (int s = 0; s < servers.size(); s++) {
                    rps[g][s] = summary.rps(servers.get(s).string("id"), tool, Bench.CONNECTIONS.get(g));
                    p99[g][s] = summary.p99(servers.get(s).string("id"), tool, Bench.CONNECTIONS.get(g));
                }
            }
            h.append(bars(tool + ": requests per second (higher is better)", groups, labels, rps, SERVER_COLORS, false,
                    v -> String.format(Locale.ROOT, "%,.0f", v)));
            h.append(bars(tool + ": p99 latency in ms, log scale (lower is better)", groups, labels, p99, SERVER_COLORS, true,
                    v -> String.format(Locale.ROOT, "%.2f ms", v)));
        }
        h.append("<table><tr><th>server</th><th>tool</th><th>conn</th><th>req/s</th><th>p50 ms</th><th>p90 ms</th><th>p99 ms</th>"
                + "<th>max ms</th><th>server CPU (cores)</th><th>CPU &micro;s / req</th><th>peak RSS MB</th><th>wrk CPU</th><th>failed</th></tr>\n");
        var all = new ArrayList<>(servers);
        all.add(load.object("ceiling"));
        for (JsonObject server : all) {
            for (var r : server.array("runs")) {
                JsonObject run = r.asObject();
                JsonObject lat = run.object("latencyMs");
                h.append("<tr><td>").append(esc(server.string("label"))).append("</td><td>").append(run.string("tool"))
                        .append("</td><td>").append(run.number("connections"))
                        .append("</td><td>").append(fmt("%,.0f", run.number("rps").doubleValue()))
                        .append("</td><td>").append(fmt("%.2f", lat.number("p50").doubleValue()))
                        .append("</td><td>").append(fmt("%.2f", lat.number("p90").doubleValue()))
                        .append("</td><td>").append(fmt("%.2f", lat.number("p99").doubleValue()))
                        .append("</td><td>").append(fmt("%.1f", lat.number("max").doubleValue()))
                        .append("</td><td>").append(fmt("%.2f", run.number("serverCpuCores").doubleValue()))
                        .append("</td><td>").append(fmt("%.0f", run.number("serverCpuMicrosPerRequest").doubleValue()))
                        .append("</td><td>").append(fmt("%.0f", run.number("peakRssKb").doubleValue() / 1024))
                        .append("</td><td>").append(fmt("%.2f", run.number("wrkCpuCores").doubleValue()))
                        .append("</td><td>").append(run.number("failures")).append("</td></tr>\n");
            }
        }
        h.append("</table>\n");

        h.append("<h3>Memory</h3>\n<table><tr><th>server</th><th>idle RSS MB (after start and two calls)</th><th>peak RSS MB (whole run)</th></tr>\n");
        for (JsonObject server : servers) {
            h.append("<tr><td>").append(esc(server.string("label"))).append("</td><td>")
                    .append(fmt("%.0f", server.number("idleRssKb").doubleValue() / 1024)).append("</td><td>")
                    .append(fmt("%.0f", server.number("peakRssKb").doubleValue() / 1024)).append("</td></tr>\n");
        }
        h.append("</table>\n<p>The JVMs run with default heap settings (a quarter of the machine's memory as the maximum), "
                + "so their RSS mostly shows how far the heap was allowed to grow, not what they need.</p>\n");
    }

    private static void profile(StringBuilder h, JsonObject profile) {
        h.append("<h2>Where jmcp's time and memory go under load (JFR)</h2>\n<p>jmcp again at the peak load, with a JFR "
                + "recording (<code>settings=profile</code>) of each tool's measured window. A CPU sample belongs to the first "
                + "jmcp or Jetty frame from the top of its stack, so JDK code called by the JSON writer counts as the codec's. "
                + "Allocation is the sum of JFR's allocation-sample weights divided by the requests served while recording.</p>\n");
        for (Map.Entry<String, Json> e : profile.members().entrySet()) {
            JsonObject p = e.getValue().asObject();
            h.append("<h3>").append(esc(e.getKey())).append(": ").append(fmt("%,.0f", p.number("rps").doubleValue()))
                    .append(" req/s while recording, ").append(p.number("cpuSamples")).append(" CPU samples, about ")
                    .append(fmt("%,.0f", p.number("allocBytesPerRequest").doubleValue())).append(" bytes allocated per request</h3>\n");
            h.append("<table><tr><th>component</th><th>% of CPU samples</th><th>bytes allocated / request</th></tr>\n");
            JsonObject alloc = p.object("allocBytesPerRequestByComponent");
            for (Map.Entry<String, Json> c : p.object("cpuPercentByComponent").members().entrySet()) {
                h.append("<tr><td>").append(esc(c.getKey())).append("</td><td>").append(fmt("%.1f", c.getValue().asNumber().doubleValue()))
                        .append("</td><td>").append(alloc.has(c.getKey()) ? fmt("%,.0f", alloc.number(c.getKey()).doubleValue()) : "")
                        .append("</td></tr>\n");
            }
            h.append("</table>\n<table><tr><th>hottest methods (self time)</th><th>% of CPU samples</th></tr>\n");
            for (Map.Entry<String, Json> m : p.object("topCpuMethodsPercent").members().entrySet()) {
                h.append("<tr><td>").append(esc(m.getKey())).append("</td><td>").append(fmt("%.1f", m.getValue().asNumber().doubleValue())).append("</td></tr>\n");
            }
            h.append("</table>\n<table><tr><th>largest allocation sites (allocating method &lt;- first jmcp or Jetty frame)</th><th>bytes / request</th></tr>\n");
            for (Map.Entry<String, Json> m : p.object("topAllocSitesBytesPerRequest").members().entrySet()) {
                h.append("<tr><td>").append(esc(m.getKey())).append("</td><td>").append(fmt("%,.0f", m.getValue().asNumber().doubleValue())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
    }

    private static void cold(StringBuilder h, JsonObject cold) {
        var variants = new ArrayList<JsonObject>();
        for (var v : cold.array("variants")) variants.add(v.asObject());
        h.append("<h2>Cold start</h2>\n<p>From spawning the process to the first correct <code>tools/call</code> answer "
                + "(the floor: to its first line of output), polled every millisecond, machine not pinned. Variants take turns; "
                + "one discarded round first. The AOT caches come from one training run each (JDK 25, "
                + "<code>-XX:AOTCacheOutput</code>, 100 calls of each tool). \"jmcp's start-up options\" are those of the container "
                + "image (<code>dev.jmcp.server.StartupOptions</code>: "
                + String.join(" ", dev.jmcp.server.StartupOptions.RUN) + ", and a cache trained without method profiles); "
                + "the other variants run with the JVM's defaults.</p>\n");
        List<String> groups = variants.stream().map(v -> v.string("label")).toList();
        double[][] medians = new double[variants.size()][1];
        for (int i = 0; i < variants.size(); i++) medians[i][0] = variants.get(i).number("medianMs").doubleValue();
        h.append(bars("median milliseconds to the first answer (lower is better)", groups, List.of("median"), medians,
                new String[]{"#2563eb"}, false, v -> String.format(Locale.ROOT, "%.0f ms", v)));
        h.append("<table><tr><th>variant</th><th>runs</th><th>median ms</th><th>mean</th><th>min</th><th>max</th></tr>\n");
        for (JsonObject v : variants) {
            h.append("<tr><td>").append(esc(v.string("label"))).append("</td><td>").append(v.number("runs")).append("</td><td>")
                    .append(fmt("%.1f", v.number("medianMs").doubleValue())).append("</td><td>")
                    .append(fmt("%.1f", v.number("meanMs").doubleValue())).append("</td><td>")
                    .append(fmt("%.1f", v.number("minMs").doubleValue())).append("</td><td>")
                    .append(fmt("%.1f", v.number("maxMs").doubleValue())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void jmh(StringBuilder h, JsonObject jmh, Summary summary) {
        var results = new ArrayList<JsonObject>();
        for (var r : jmh.array("results")) results.add(r.asObject());
        h.append("<h2>JSON codec (JMH)</h2>\n<p>UTF-8 bytes in and out, on four MCP messages. <b>parse</b>: jmcp builds its "
                + "tree; jackson-core streams the tokens and reads each name and string as a String, integers as long and "
                + "decimals as double, building nothing (less work); jackson-databind builds a <code>JsonNode</code> tree. "
                + "<b>write</b>: jmcp and a jackson-core <code>JsonGenerator</code> write the same jmcp tree; jackson-databind "
                + "writes its <code>JsonNode</code>. Each benchmark ran as one-fork JMH runs, round after round, the three "
                + "codecs' forks next to each other (order reversed every round) so that the host's drift does not come "
                + "between them; throughput is shown relative to jackson-core's fork of the same round, median over rounds. "
                + "Allocation is <code>gc.alloc.rate.norm</code>.</p>\n");
        List<String> codecs = JmhRunner.CODECS;
        List<String> codecLabels = List.of("jmcp", "jackson-core", "jackson-databind");
        for (String op : List.of("parse", "write")) {
            double[][] ratios = new double[Summary.MESSAGES.size()][codecs.size()];
            for (int m = 0; m < Summary.MESSAGES.size(); m++) {
                String message = Summary.MESSAGES.get(m);
                for (int c = 0; c < codecs.size(); c++) {
                    ratios[m][c] = JmhRunner.pairedRatio(summary.jmhResult("CodecBenchmark." + op + codecs.get(c), message),
                            summary.jmhResult("CodecBenchmark." + op + "JacksonCore", message));
                }
            }
            h.append(bars(op + ": throughput relative to jackson-core (higher is better)", Summary.MESSAGES, codecLabels, ratios,
                    CODEC_COLORS, false, v -> String.format(Locale.ROOT, "%.2fx", v)));
        }
        h.append("<table><tr><th>benchmark</th><th>parameter</th><th>median ops/s</th><th>mean ops/s &plusmn; 99.9%</th>"
                + "<th>fork means in run order</th><th>bytes allocated / op</th></tr>\n");
        for (JsonObject r : results) {
            h.append("<tr><td>").append(esc(r.string("benchmark"))).append("</td><td>").append(esc(String.valueOf(r.optString("param"))))
                    .append("</td><td>").append(fmt("%,.0f", r.number("medianOpsPerSec").doubleValue()))
                    .append("</td><td>").append(fmt("%,.0f", r.number("opsPerSec").doubleValue()))
                    .append(r.get("error") instanceof dev.jmcp.json.JsonNumber e ? fmt(" &plusmn; %,.0f", e.doubleValue()) : "")
                    .append("</td><td>").append(esc(r.array("forkOpsPerSec").items().stream()
                            .map(v -> fmt("%,.0f", v.asNumber().doubleValue())).collect(java.util.stream.Collectors.joining(", "))))
                    .append("</td><td>").append(r.get("allocBytesPerOp") instanceof dev.jmcp.json.JsonNumber a ? fmt("%,.0f", a.doubleValue()) : "")
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<p><code>EndpointBenchmark.toolsCall</code> is one load-test request through jmcp's "
                + "<code>McpEndpoint</code> without HTTP (headers as wrk sends them, body in, response bytes out): core's "
                + "share of the work and allocation per request.</p>\n");
    }

    /**
     * A horizontal grouped bar chart: one block per group, one bar per series, the value printed after each bar.
     * {@code values[group][series]}; NaN bars are left out.
     */
    static String bars(String title, List<String> groups, List<String> series, double[][] values, String[] colors,
                       boolean log, DoubleFunction<String> label) {
        int left = 190, barWidth = 560, bar = 15, gap = 12, top = 44;
        double max = 0, min = Double.MAX_VALUE;
        for (double[] row : values) for (double v : row) if (!Double.isNaN(v) && v > 0) { max = Math.max(max, v); min = Math.min(min, v); }
        double lo = log ? Math.pow(10, Math.floor(Math.log10(min))) : 0;
        double hi = log ? Math.pow(10, Math.ceil(Math.log10(max))) : max * 1.02;
        int height = top + groups.size() * (series.size() * bar + gap) + 10;
        var s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(left + barWidth + 110).append("\" height=\"")
                .append(height).append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\">\n");
        s.append("<text x=\"0\" y=\"14\" style=\"font-weight:600\">").append(esc(title)).append("</text>\n");
        int lx = 0;
        for (int i = 0; i < series.size() && series.size() > 1; i++) {
            s.append("<rect x=\"").append(lx).append("\" y=\"22\" width=\"10\" height=\"10\" fill=\"").append(colors[i % colors.length]).append("\"/>");
            s.append("<text x=\"").append(lx + 14).append("\" y=\"31\">").append(esc(series.get(i))).append("</text>\n");
            lx += 24 + 7 * series.get(i).length();
        }
        if (log) {
            for (double t = lo; t <= hi * 1.001; t *= 10) {
                double x = left + scale(t, lo, hi, true) * barWidth;
                s.append("<line x1=\"").append(fmt("%.1f", x)).append("\" y1=\"").append(top - 4).append("\" x2=\"").append(fmt("%.1f", x))
                        .append("\" y2=\"").append(height - 10).append("\" stroke=\"#e5e7eb\"/>");
                s.append("<text x=\"").append(fmt("%.1f", x + 2)).append("\" y=\"").append(height).append("\" fill=\"#9ca3af\">")
                        .append(label.apply(t)).append("</text>\n");
            }
        }
        int y = top;
        for (int g = 0; g < groups.size(); g++) {
            s.append("<text x=\"").append(left - 8).append("\" y=\"").append(y + series.size() * bar / 2 + 4)
                    .append("\" text-anchor=\"end\">").append(esc(groups.get(g))).append("</text>\n");
            for (int i = 0; i < series.size(); i++) {
                double v = values[g][i];
                if (!Double.isNaN(v) && v > 0) {
                    double w = Math.max(1, scale(v, lo, hi, log) * barWidth);
                    s.append("<rect x=\"").append(left).append("\" y=\"").append(y).append("\" width=\"").append(fmt("%.1f", w))
                            .append("\" height=\"").append(bar - 2).append("\" fill=\"").append(colors[i % colors.length]).append("\"><title>")
                            .append(esc(series.get(i))).append(": ").append(label.apply(v)).append("</title></rect>");
                    s.append("<text x=\"").append(fmt("%.1f", left + w + 4)).append("\" y=\"").append(y + bar - 4).append("\">")
                            .append(label.apply(v)).append("</text>\n");
                }
                y += bar;
            }
            y += gap;
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static double scale(double v, double lo, double hi, boolean log) {
        if (!log) return v / hi;
        return (Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
    }

    private static String fmt(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
