package dev.jmcp.lambda;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an unpacked custom-runtime package ({@code bootstrap}) as Lambda would, against a loopback Runtime API, with
 * the environment of this process (e.g. JMCP_DATABASE_URL) and response streaming on; sends create_note,
 * search_notes and a progress-free initialize, and prints what the runtime posted. For checking a built package by
 * hand (scripts/lambda-package-check.sh); not a unit test.
 *
 * <p>Usage: {@code PackagedRuntimeCheck TASK_ROOT}
 */
public final class PackagedRuntimeCheck {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        String create = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"create_note\",\"arguments\":"
                + "{\"title\":\"From the packaged runtime\",\"body\":\"custom runtime on PostgreSQL\"}}}";
        String search = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"search_notes\",\"arguments\":{\"query\":\"packaged\"}}}";
        var events = List.of(Events.withBody("function-url.json", create), Events.withBody("rest-api.json", search),
                Events.text("sqs.json").getBytes(StandardCharsets.UTF_8));
        try (var api = new Training.LoopbackRuntimeApi(events)) {
            var builder = new ProcessBuilder(root.resolve("bootstrap").toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT);
            builder.environment().put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + api.port());
            builder.environment().put("LAMBDA_TASK_ROOT", root.toString());
            builder.environment().put(RuntimeMain.STREAMING_ENV, "true");
            Process p = builder.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (api.answered() < events.size() && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
            boolean ok = api.answered() == events.size();
            for (var posted : api.posted()) {
                String body = new String(posted.body(), StandardCharsets.UTF_8).replace('\0', '.');
                System.out.println(posted.requestLine() + " mode=" + posted.headers().get("lambda-runtime-function-response-mode")
                        + " error-type=" + posted.headers().get("lambda-runtime-function-error-type"));
                System.out.println("  " + (body.length() > 400 ? body.substring(0, 400) + "..." : body));
            }
            var all = String.join("\n", api.posted().stream().map(x -> new String(x.body(), StandardCharsets.UTF_8)).toList());
            ok &= all.contains("From the packaged runtime") && all.contains("not an HTTP event");
            System.out.println(ok ? "CHECK OK" : "CHECK FAILED");
            System.exit(ok ? 0 : 1);
        }
    }
}
