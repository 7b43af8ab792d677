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
 * <p>Usage: {@code PackagedRuntimeCheck custom TASK_ROOT} (runs {@code bootstrap}) or
 * {@code PackagedRuntimeCheck managed TASK_ROOT RIC_CLASSPATH} (runs the managed zip under AWS's runtime interface
 * client as AWS's Java base images do: {@code java -cp RIC:TASK_ROOT:TASK_ROOT/lib/* AWSLambda HANDLER}).
 */
public final class PackagedRuntimeCheck {
    public static void main(String[] args) throws Exception {
        boolean managed = args[0].equals("managed");
        Path root = Path.of(args[1]);
        String create = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"create_note\",\"arguments\":"
                + "{\"title\":\"From the packaged runtime\",\"body\":\"custom runtime on PostgreSQL\"}}}";
        String search = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"search_notes\",\"arguments\":{\"query\":\"packaged\"}}}";
        var events = List.of(Events.withBody("function-url.json", create), Events.withBody("rest-api.json", search),
                Events.text("sqs.json").getBytes(StandardCharsets.UTF_8));
        try (var api = new Training.LoopbackRuntimeApi(events)) {
            var command = managed
                    ? List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                            "-cp", args[2] + ":" + root + ":" + root + "/lib/*", "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                            "dev.jmcp.lambda.McpRequestHandler::handleRequest")
                    : List.of(root.resolve("bootstrap").toString());
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT);
            builder.environment().put("_HANDLER", managed ? "dev.jmcp.lambda.McpRequestHandler::handleRequest" : "bootstrap");
            builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", "notes");
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
            if (!managed) ok &= "streaming".equals(api.posted().get(0).headers().get("lambda-runtime-function-response-mode"));
            System.out.println(ok ? "CHECK OK" : "CHECK FAILED");
            System.exit(ok ? 0 : 1);
        }
    }
}
