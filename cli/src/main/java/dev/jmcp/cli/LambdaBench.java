package dev.jmcp.cli;

import dev.jmcp.lambda.local.FunctionConfig;
import dev.jmcp.lambda.local.FunctionUrl;
import dev.jmcp.lambda.local.LocalLambda;
import dev.jmcp.lambda.local.Report;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The driver of bench/lambda-cold.sh (not a jmcp command): cold starts of a built Lambda package through
 * {@link LocalLambda} and its Function URL front, each in a fresh local Lambda, so every first request starts an
 * instance. Prints one line per run and a summary; a bare {@code java} hello-world is timed the same way for scale.
 *
 * <pre>
 * java -cp CLASSPATH dev.jmcp.cli.LambdaBench FOLDER WAY RUNS WARM [NAME=VALUE...]   # WAY: managed | custom | hello
 * </pre>
 */
final class LambdaBench {
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}";
    private static final String TOOLS_LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: LambdaBench FOLDER managed|custom|hello RUNS WARM [NAME=VALUE...]");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        String way = args[1];
        int runs = Integer.parseInt(args[2]);
        int warm = Integer.parseInt(args[3]);
        var env = new LinkedHashMap<String, String>();
        for (String pair : Arrays.asList(args).subList(4, args.length)) {
            int eq = pair.indexOf('=');
            env.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        if (way.equals("hello")) {
            hello(folder, runs);
            return;
        }
        Project project = Project.load(folder);
        boolean custom = way.equals("custom");
        Path work = project.dir().resolve("target/jmcp").resolve(AwsLambdaTarget.ID);
        Path zip = work.resolve(project.name() + (custom ? "-custom.zip" : "-managed.zip"));
        if (!Files.isRegularFile(zip)) throw new IllegalStateException(zip + " is missing: run ./jmcp build --target aws-lambda " + folder);
        Path taskRoot = work.resolve("bench-" + way + "-task");
        AwsLambdaDev.unpack(zip, taskRoot);
        var options = new DeployTarget.DevOptions("127.0.0.1", 0, true, way, env);
        FunctionConfig config = new AwsLambdaDev(new AwsLambdaTarget()).functionConfig(project, options, custom, taskRoot);
        Path log = work.resolve("bench-" + way + ".log");
        var first = new ArrayList<Double>();
        var inits = new ArrayList<Double>();
        var warmMs = new ArrayList<Double>();
        var memory = new ArrayList<Double>();
        try (var out = new PrintWriter(Files.newBufferedWriter(log))) {
            for (int run = 0; run < runs; run++) {
                var report = new CompletableFuture<Report>();
                // A client per run: a pooled connection to the last run's front, whose port the system may hand out
                // again, would be found closed.
                try (HttpClient http = HttpClient.newHttpClient(); var lambda = new LocalLambda(config, line -> {
                    synchronized (out) {
                        out.println(line);
                    }
                }).start()) {
                    lambda.onReport(r -> report.complete(r));
                    int port = lambda.serve(new FunctionUrl(lambda), "127.0.0.1", 0);
                    URI url = URI.create("http://127.0.0.1:" + port + "/mcp");
                    // Warm this client and the front without invoking the function (an unknown function is a 404), so
                    // the timed request measures the cold start, not the bench's own first HTTP call.
                    for (int i = 0; i < 3; i++) post(http, URI.create("http://127.0.0.1:" + port + "/2015-03-31/functions/none/invocations"), "{}");
                    long start = System.nanoTime();
                    var response = post(http, url, INITIALIZE);
                    double firstMs = (System.nanoTime() - start) / 1e6;
                    if (response.statusCode() != 200) throw new IllegalStateException("initialize answered " + response.statusCode() + "; see " + log);
                    Report cold = report.get(30, TimeUnit.SECONDS);
                    for (int i = 0; i < warm; i++) {
                        long t = System.nanoTime();
                        var r = post(http, url, TOOLS_LIST);
                        if (r.statusCode() != 200) throw new IllegalStateException("tools/list answered " + r.statusCode() + "; see " + log);
                        if (i >= warm / 5) warmMs.add((System.nanoTime() - t) / 1e6); // the first fifth warms up
                    }
                    first.add(firstMs);
                    inits.add(cold.initDurationMs());
                    memory.add((double) cold.maxMemoryUsedMb());
                    System.out.printf(Locale.ROOT, "run %d: first response %.1f ms, Init Duration %.1f ms, Duration %.1f ms, Max Memory Used %d MB%n",
                            run + 1, firstMs, cold.initDurationMs(), cold.durationMs(), cold.maxMemoryUsedMb());
                }
            }
        }
        System.out.printf(Locale.ROOT, "summary %s: first response median %.1f ms (min %.1f), Init Duration median %.1f ms (min %.1f), "
                        + "warm tools/list median %.2f ms (p90 %.2f, %d calls), Max Memory Used median %.0f MB%n",
                String.join(" ", args[1], env.toString()), median(first), min(first), median(inits), min(inits), median(warmMs),
                percentile(warmMs, 0.9), warmMs.size(), median(memory));
    }

    /** Start to exit of {@code java -cp DIR Hello}: the floor any JVM-based cold start stands on. */
    private static void hello(Path dir, int runs) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path source = dir.resolve("Hello.java");
        Files.writeString(source, "public class Hello { public static void main(String[] a) { System.out.println(\"hello\"); } }\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String javac = Path.of(System.getProperty("java.home"), "bin", "javac").toString();
        if (new ProcessBuilder(javac, "-d", dir.toString(), source.toString()).inheritIO().start().waitFor() != 0) throw new IllegalStateException("javac failed");
        var times = new ArrayList<Double>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(java, "-cp", dir.toString(), "Hello")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() != 0) throw new IllegalStateException("hello failed");
            times.add((System.nanoTime() - start) / 1e6);
        }
        System.out.printf(Locale.ROOT, "summary hello: java -cp . Hello start to exit median %.1f ms (min %.1f, %d runs)%n",
                median(times), min(times), runs);
    }

    private static HttpResponse<String> post(HttpClient http, URI url, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").header("MCP-Protocol-Version", "2025-11-25")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    private static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) return Double.NaN;
        var sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }
}
