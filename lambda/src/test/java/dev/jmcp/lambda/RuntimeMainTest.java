package dev.jmcp.lambda;

import dev.jmcp.json.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Our Runtime API client against a loopback Runtime API: buffered, streamed, and error answers. */
class RuntimeMainTest {
    static final String STEPS = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"steps\",\"arguments\":{},"
            + "\"_meta\":{\"progressToken\":\"p\"}}}";

    List<Training.LoopbackRuntimeApi.Posted> run(boolean streaming, List<byte[]> events) throws Exception {
        try (var api = new Training.LoopbackRuntimeApi(events)) {
            int code = RuntimeMain.serve(Map.of("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + api.port(),
                    "JMCP_APPLICATION", TestApp.class.getName(), RuntimeMain.STREAMING_ENV, Boolean.toString(streaming)), events.size());
            assertThat(code).isZero();
            return api.posted();
        }
    }

    @Test
    void bufferedResponsesAndInvalidEventsGoToTheirEndpoints() throws Exception {
        var posted = run(false, List.of(Events.withBody("function-url.json", LambdaEndpointTest.INITIALIZE),
                Events.text("sqs.json").getBytes(StandardCharsets.UTF_8), Events.withBody("alb.json", LambdaEndpointTest.INITIALIZE)));
        assertThat(posted).hasSize(3);
        assertThat(posted.get(0).requestLine()).startsWith("POST /2018-06-01/runtime/invocation/training-0/response ");
        assertThat(Json.parse(posted.get(0).body()).asObject().number("statusCode").intValue()).isEqualTo(200);
        assertThat(posted.get(1).requestLine()).startsWith("POST /2018-06-01/runtime/invocation/training-1/error ");
        assertThat(posted.get(1).headers().get("lambda-runtime-function-error-type")).isEqualTo("Runtime.InvalidEvent");
        assertThat(Json.parse(posted.get(1).body()).asObject().string("errorMessage")).contains("not an HTTP event");
        assertThat(Json.parse(posted.get(2).body()).asObject().string("statusDescription")).isEqualTo("200 OK");   // the loop went on
    }

    @Test
    void functionUrlEventsAreStreamedWithThePreludeAndEightNulBytes() throws Exception {
        var posted = run(true, List.of(Events.withBody("function-url.json", STEPS), Events.withBody("rest-api.json", STEPS)));
        var streamed = posted.get(0);
        assertThat(streamed.headers().get("lambda-runtime-function-response-mode")).isEqualTo("streaming");
        assertThat(streamed.headers().get("transfer-encoding")).isEqualTo("chunked");
        assertThat(streamed.headers().get("content-type")).isEqualTo(RuntimeMain.HTTP_INTEGRATION);
        byte[] body = streamed.body();
        int nul = indexOf(body, new byte[8]);
        var prelude = Json.parse(Arrays.copyOf(body, nul)).asObject();
        assertThat(prelude.number("statusCode").intValue()).isEqualTo(200);
        assertThat(prelude.object("headers").string("content-type")).isEqualTo("text/event-stream");
        String events = new String(body, nul + 8, body.length - nul - 8, StandardCharsets.UTF_8);
        assertThat(events).containsSubsequence("notifications/progress", "notifications/progress", "\"done\"");
        assertThat(streamed.headers()).doesNotContainKey("lambda-runtime-function-error-type");
        // A REST API cannot take a streamed Lambda response: answered buffered
        assertThat(posted.get(1).headers()).doesNotContainKey("lambda-runtime-function-response-mode");
        assertThat(Json.parse(posted.get(1).body()).asObject().has("multiValueHeaders")).isTrue();
    }

    @Test
    void anApplicationThatCannotStartReportsAnInitError() throws Exception {
        try (var api = new Training.LoopbackRuntimeApi(List.of())) {
            int code = RuntimeMain.serve(Map.of("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + api.port(), "JMCP_APPLICATION", "no.such.App"), 1);
            assertThat(code).isEqualTo(1);
            var posted = api.posted();
            assertThat(posted.get(0).requestLine()).startsWith("POST /2018-06-01/runtime/init/error ");
            assertThat(posted.get(0).headers().get("lambda-runtime-function-error-type")).isEqualTo("Runtime.InitError");
            assertThat(new String(posted.get(0).body(), StandardCharsets.UTF_8)).contains("no.such.App");
        }
    }

    @Test
    void theTrainingWorkloadRunsThroughTheRealLoop() throws Exception {
        Training.run(Map.of("JMCP_APPLICATION", TestApp.class.getName()));
        assertThat(Base64.getDecoder()).isNotNull();
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
