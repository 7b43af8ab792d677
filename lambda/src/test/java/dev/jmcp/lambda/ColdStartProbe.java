package dev.jmcp.lambda;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Measures the custom runtime's cold start on this machine: for each run, a fresh loopback Runtime API, then
 * {@code bootstrap} started as Lambda starts it; reported are the time from process start to its first {@code /next}
 * (init done) and to its first answer (one Function URL initialize served). A bare {@code java Hello} (start to
 * exit) runs in the same loop for scale. Not a test: {@code scripts/lambda-coldstart.sh} runs it.
 *
 * <p>With {@code JMCP_PROBE_MANAGED=MANAGED_TASK_ROOT|RIC_CLASSPATH} the managed zip runs too, under AWS's runtime
 * interface client on this JDK, plain ({@code managed}) and with C1 only ({@code managed-c1}), as Lambda's java25
 * runtime would without SnapStart.
 *
 * <p>Usage: {@code ColdStartProbe TASK_ROOT HELLO_CLASSPATH RUNS}
 */
public final class ColdStartProbe {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        String helloCp = args[1];
        int runs = Integer.parseInt(args[2]);
        byte[] event = Priming.events().get(2);   // a 2025 client's initialize, as a Function URL event
        var variants = new ArrayList<String>(System.getenv("JMCP_PROBE_VARIANTS") != null ? List.of(System.getenv("JMCP_PROBE_VARIANTS").split(",")) : List.of("aot", "no-aot", "hello-jdk", "hello-jre"));
        String managed = System.getenv("JMCP_PROBE_MANAGED");
        if (managed != null && System.getenv("JMCP_PROBE_VARIANTS") == null) variants.addAll(1, List.of("managed", "managed-c1"));
        var init = new java.util.LinkedHashMap<String, List<Double>>();
        var first = new java.util.LinkedHashMap<String, List<Double>>();
        for (int run = -1; run < runs; run++) {   // run -1 warms the page cache, not counted
            for (String variant : variants) {
                double[] t = variant.startsWith("hello") ? hello(variant, root, helloCp)
                        : variant.startsWith("managed") ? managed(managed, event, variant.endsWith("c1"))
                        : runtime(root, event, variant.equals("aot"));
                if (run < 0) continue;
                init.computeIfAbsent(variant, k -> new ArrayList<>()).add(t[0]);
                first.computeIfAbsent(variant, k -> new ArrayList<>()).add(t[1]);
            }
        }
        System.out.println("variant      init-or-exit median (min) ms   first-response median (min) ms   runs=" + runs);
        for (String v : variants) {
            System.out.printf("%-12s %10.1f (%6.1f)                %10.1f (%6.1f)%n", v, median(init.get(v)), min(init.get(v)),
                    median(first.get(v)), min(first.get(v)));
        }
    }

    static double[] runtime(Path root, byte[] event, boolean aot) throws Exception {
        try (var api = new Training.LoopbackRuntimeApi(List.of(event))) {
            var builder = new ProcessBuilder(root.resolve("bootstrap").toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Map<String, String> env = builder.environment();
            env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + api.port());
            env.put("LAMBDA_TASK_ROOT", root.toString());
            env.put("_HANDLER", "bootstrap");
            env.put("JMCP_AOT", aot ? "on" : "off");
            env.put("JMCP_DATA_DIR", Files.createTempDirectory("jmcp-coldstart").toString());
            double[] t = untilFirstAnswer(builder, api, "the runtime");
            String body = new String(api.posted().get(0).body(), StandardCharsets.UTF_8);
            if (!body.contains("\"statusCode\":200")) throw new IllegalStateException("unexpected answer: " + body);
            return t;
        }
    }

    static double[] managed(String spec, byte[] event, boolean c1) throws Exception {
        String[] parts = spec.split("\\|", 2);
        String root = parts[0];
        var command = new ArrayList<String>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-XX:-UsePerfData"));
        if (c1) command.add("-XX:TieredStopAtLevel=1");
        command.addAll(List.of("-cp", parts[1] + ":" + root + ":" + root + "/lib/*",
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", "dev.jmcp.lambda.McpRequestHandler::handleRequest"));
        try (var api = new Training.LoopbackRuntimeApi(List.of(event))) {
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + api.port());
            builder.environment().put("LAMBDA_TASK_ROOT", root);
            builder.environment().put("_HANDLER", "dev.jmcp.lambda.McpRequestHandler::handleRequest");
            builder.environment().put("JMCP_DATA_DIR", Files.createTempDirectory("jmcp-coldstart").toString());
            return untilFirstAnswer(builder, api, "the RIC");
        }
    }

    /**
     * Starts the runtime, waits (30 s at most) for its first answer to {@code api}, stops it; milliseconds from the
     * start to its first {@code /next} and to that answer.
     */
    private static double[] untilFirstAnswer(ProcessBuilder builder, Training.LoopbackRuntimeApi api, String what) throws Exception {
        long start = System.nanoTime();
        Process p = builder.start();
        long deadline = start + TimeUnit.SECONDS.toNanos(30);
        while (api.firstAnswerNanos() == 0 && System.nanoTime() < deadline && p.isAlive()) Thread.sleep(1);
        p.destroy();
        p.waitFor(10, TimeUnit.SECONDS);
        if (api.firstAnswerNanos() == 0) throw new IllegalStateException(what + " did not answer; exit " + (p.isAlive() ? "alive" : p.exitValue()));
        return new double[]{(api.firstNextNanos() - start) / 1e6, (api.firstAnswerNanos() - start) / 1e6};
    }

    static double[] hello(String variant, Path root, String helloCp) throws Exception {
        String java = variant.equals("hello-jdk") ? Path.of(System.getProperty("java.home"), "bin", "java").toString() : root.resolve("jre/bin/java").toString();
        long start = System.nanoTime();
        Process p = new ProcessBuilder(java, "-cp", helloCp, "Hello").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
        double ms = (System.nanoTime() - start) / 1e6;
        return new double[]{ms, ms};
    }

    static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    static double min(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    static String join(String[] a) {
        return Arrays.toString(a);
    }
}
