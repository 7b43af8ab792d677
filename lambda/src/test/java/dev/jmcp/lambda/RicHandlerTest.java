package dev.jmcp.lambda;

import dev.jmcp.json.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The managed-runtime handler under AWS's own runtime interface client (com.amazonaws:aws-lambda-java-runtime-interface-client,
 * what AWS's Java base images run), in a child JVM, against a loopback Runtime API: init by class name, invocations
 * through the RIC's stream-handler path, and a bad event reported through the RIC's error path.
 */
class RicHandlerTest {
    @Test
    void theHandlerServesEventsUnderTheOfficialRuntimeInterfaceClient() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        var events = List.of(
                Events.withBody("function-url.json", LambdaEndpointTest.INITIALIZE),
                Events.text("sqs.json").getBytes(StandardCharsets.UTF_8),
                Events.withBody("alb-multi.json", LambdaEndpointTest.INITIALIZE));
        try (var api = new Training.LoopbackRuntimeApi(events)) {
            var builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-cp", classpath,
                    "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", "dev.jmcp.lambda.McpRequestHandler::handleRequest")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT);
            var env = builder.environment();
            env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + api.port());
            env.put("JMCP_APPLICATION", TestApp.class.getName());
            env.put("_HANDLER", "dev.jmcp.lambda.McpRequestHandler::handleRequest");
            env.put("AWS_LAMBDA_FUNCTION_NAME", "jmcp-ric-test");
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
            env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/jmcp-ric-test");
            env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
            Process ric = builder.start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (api.answered() < events.size() && ric.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
            } finally {
                ric.destroy();
                if (!ric.waitFor(10, TimeUnit.SECONDS)) ric.destroyForcibly();
            }
            var posted = api.posted();
            assertThat(posted).hasSize(3);
            assertThat(posted.get(0).requestLine()).contains("/invocation/training-0/response");
            var first = Json.parse(posted.get(0).body()).asObject();
            assertThat(first.number("statusCode").intValue()).isEqualTo(200);
            assertThat(Events.body(first)).contains("\"serverInfo\"");
            assertThat(posted.get(1).requestLine()).contains("/invocation/training-1/error");
            var error = Json.parse(posted.get(1).body()).asObject();
            assertThat(error.string("errorType")).isEqualTo(InvalidEventException.class.getName());
            assertThat(error.string("errorMessage")).contains("not an HTTP event");
            var third = Json.parse(posted.get(2).body()).asObject();
            assertThat(third.has("multiValueHeaders")).isTrue();   // the instance kept serving after the bad event
        }
    }
}
