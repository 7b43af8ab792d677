package dev.jmcp.lambda;

import dev.jmcp.McpServer;
import dev.jmcp.ToolResult;
import dev.jmcp.http.Headers;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;
import dev.jmcp.server.JvmEnv;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each event source end to end through the endpoint, from samples written after AWS's documented formats. */
class LambdaEndpointTest {
    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    static final String DISCOVER = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"server/discover\",\"params\":{\"_meta\":{"
            + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
    static final String STEPS = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"steps\",\"arguments\":{},"
            + "\"_meta\":{\"progressToken\":\"p\"}}}";

    final McpServer server = McpServer.create("lambda-test", "1.0", mcp -> mcp
            .tool("steps", t -> t.description("Reports progress").handle(call -> {
                call.progress(1, 2.0, "one");
                call.progress(2, 2.0, "two");
                return ToolResult.text("done");
            })));
    final LambdaEndpoint endpoint = LambdaEndpoint.of(server, LambdaEndpoint.options(Map.of()).build(), JvmEnv.INSTANCE);

    JsonObject invoke(byte[] event) {
        return Events.json(endpoint.invoke(event, System.currentTimeMillis() + 30_000));
    }

    @Test
    void aFunctionUrlEventIsServedAndAnsweredInPayload2Shape() {
        var response = invoke(Events.withBody("function-url.json", INITIALIZE));
        assertThat(response.number("statusCode").intValue()).isEqualTo(200);
        assertThat(response.bool("isBase64Encoded")).isFalse();
        assertThat(response.object("headers").string("content-type")).isEqualTo("application/json");
        assertThat(response.has("multiValueHeaders")).isFalse();
        var result = Json.parse(Events.body(response)).asObject().object("result");
        assertThat(result.object("serverInfo").string("name")).isEqualTo("lambda-test");
        assertThat(result.has("protocolVersion")).isTrue();
    }

    @Test
    void anHttpApiOnANamedStageWithABase64BodyReachesMcpOn2026() {
        var response = invoke(Events.withBody("http-api-stage.json", DISCOVER));
        assertThat(response.number("statusCode").intValue()).isEqualTo(200);
        var result = Json.parse(Events.body(response)).asObject().object("result");
        assertThat(result.toString()).contains("lambda-test");
    }

    @Test
    void aRestApiEventKeepsEveryHeaderValueAndIsAnsweredWithBothHeaderMembers() {
        var event = HttpEvent.parse(Events.withBody("rest-api.json", INITIALIZE));
        assertThat(event.source()).isEqualTo(EventSource.API_GATEWAY_V1);
        assertThat(event.request().path()).isEqualTo("/mcp");
        assertThat(event.request().headers().all("x-trace")).containsExactly("a", "b");

        var response = invoke(Events.withBody("rest-api.json", INITIALIZE));
        assertThat(response.number("statusCode").intValue()).isEqualTo(200);
        assertThat(response.object("headers").string("content-type")).isEqualTo("application/json");
        assertThat(response.object("multiValueHeaders").array("content-type").get(0).asString()).isEqualTo("application/json");
        assertThat(Events.body(response)).contains("\"serverInfo\"");
    }

    @Test
    void anAlbAnswersWithAStatusDescriptionAndTheHeaderMemberItSent() {
        var single = invoke(Events.withBody("alb.json", INITIALIZE));
        assertThat(single.string("statusDescription")).isEqualTo("200 OK");
        assertThat(single.has("headers")).isTrue();
        assertThat(single.has("multiValueHeaders")).isFalse();

        var multi = invoke(Events.withBody("alb-multi.json", INITIALIZE));
        assertThat(multi.number("statusCode").intValue()).isEqualTo(200);
        assertThat(multi.has("headers")).isFalse();
        assertThat(multi.object("multiValueHeaders").array("content-type").get(0).asString()).isEqualTo("application/json");
        assertThat(HttpEvent.parse(Events.withBody("alb-multi.json", "{}")).request().headers().all("x-forwarded-for"))
                .containsExactly("72.12.164.125", "10.0.0.1");
    }

    @Test
    void anEventStreamIsPumpedToItsEndAndBufferedAsOneBody() {
        var response = invoke(Events.withBody("function-url.json", STEPS));
        assertThat(response.number("statusCode").intValue()).isEqualTo(200);
        assertThat(response.object("headers").string("content-type")).isEqualTo("text/event-stream");
        List<JsonObject> messages = new ArrayList<>();
        for (String line : Events.body(response).split("\n")) {
            if (line.startsWith("data: ")) messages.add(Json.parse(line.substring(6)).asObject());
        }
        assertThat(messages).extracting(m -> m.optString("method")).containsExactly(
                "notifications/progress", "notifications/progress", null);
        assertThat(messages.get(2).object("result").array("content").get(0).asObject().string("text")).isEqualTo("done");
    }

    @Test
    void theSameStreamIsWrittenPieceByPieceWhenStreaming() throws Exception {
        var pieces = new ArrayList<String>();
        int[] status = {0};
        endpoint.stream(Events.withBody("function-url.json", STEPS), new LambdaEndpoint.ResponseStream() {
            @Override
            public void start(int s, Headers headers) {
                status[0] = s;
            }

            @Override
            public void write(byte[] bytes) {
                pieces.add(new String(bytes, StandardCharsets.UTF_8));
            }
        }, System.currentTimeMillis() + 30_000);
        assertThat(status[0]).isEqualTo(200);
        assertThat(pieces).hasSize(3);
        assertThat(pieces.get(0)).contains("notifications/progress");
        assertThat(pieces.get(2)).contains("\"done\"");
    }

    @Test
    void anotherPathIs404AndTheEndpointKeepsServing() {
        String event = Events.text("function-url.json").replace("\"rawPath\": \"/mcp\"", "\"rawPath\": \"/other\"")
                .replace("\"__BODY__\"", Json.write(Json.of(INITIALIZE)));
        assertThat(invoke(event.getBytes(StandardCharsets.UTF_8)).number("statusCode").intValue()).isEqualTo(404);
        assertThat(invoke(Events.withBody("function-url.json", INITIALIZE)).number("statusCode").intValue()).isEqualTo(200);
    }

    @Test
    void cookiesBecomeOneCookieHeader() {
        var request = HttpEvent.parse(Events.withBody("function-url.json", "{}")).request();
        assertThat(request.headers().get("cookie")).isEqualTo("session=abc123; theme=dark");
    }

    @Test
    void setCookieGoesToCookiesInPayload2AndBinaryBodiesGoBase64() {
        var headers = Headers.of("Content-Type", "application/octet-stream", "Set-Cookie", "a=1", "Set-Cookie", "b=2", "Vary", "x", "Vary", "y");
        var v2 = ResponseEvent.toJson(EventSource.HTTP_V2, false, 200, headers, new byte[]{(byte) 0xff, 0, 1});
        assertThat(v2.array("cookies").items()).extracting(j -> j.asString()).containsExactly("a=1", "b=2");
        assertThat(v2.object("headers").string("vary")).isEqualTo("x,y");
        assertThat(v2.bool("isBase64Encoded")).isTrue();
        assertThat(v2.string("body")).isEqualTo("/wAB");
        var v1 = ResponseEvent.toJson(EventSource.API_GATEWAY_V1, false, 200, headers, new byte[0]);
        assertThat(v1.object("multiValueHeaders").array("set-cookie").size()).isEqualTo(2);
        assertThat(v1.string("body")).isEmpty();
    }

    @Test
    void badEventsAreClearErrorsNotCrashes() {
        assertThatThrownBy(() -> endpoint.invoke("{\"version\":".getBytes(StandardCharsets.UTF_8), 0))
                .isInstanceOf(InvalidEventException.class).hasMessageStartingWith("the Lambda event is not JSON");
        assertThatThrownBy(() -> endpoint.invoke("[1,2]".getBytes(StandardCharsets.UTF_8), 0))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("JSON array, not an HTTP event object");
        assertThatThrownBy(() -> endpoint.invoke(Events.text("sqs.json").getBytes(StandardCharsets.UTF_8), 0))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("not an HTTP event").hasMessageContaining("Records");
        assertThatThrownBy(() -> endpoint.invoke(Events.text("alb-multi.json").replace("__BODY_BASE64__", "***").getBytes(StandardCharsets.UTF_8), 0))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("not base64");
        byte[] numberHeader = Events.text("alb.json").replace("\"user-agent\": \"mcp-client\"", "\"user-agent\": 7").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> endpoint.invoke(numberHeader, 0))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("headers.user-agent must be a string");
        assertThatThrownBy(() -> endpoint.invoke("{\"version\":\"2.0\",\"requestContext\":{\"http\":{}}}".getBytes(StandardCharsets.UTF_8), 0))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("requestContext.http.method");
        assertThat(invoke(Events.withBody("function-url.json", INITIALIZE)).number("statusCode").intValue()).isEqualTo(200);
    }

    @Test
    void stagesArePeeledOnlyWhenTheyPrefixThePath() {
        assertThat(HttpEvent.withoutStage("/dev/mcp", "dev")).isEqualTo("/mcp");
        assertThat(HttpEvent.withoutStage("/mcp", "$default")).isEqualTo("/mcp");
        assertThat(HttpEvent.withoutStage("/development/mcp", "dev")).isEqualTo("/development/mcp");
    }

    @Test
    void statefulSessionsAreRefusedOnLambda() {
        assertThatThrownBy(() -> LambdaEndpoint.options(Map.of("JMCP_SESSIONS", "stateful")))
                .hasMessageContaining("JMCP_SESSIONS must be stateless on AWS Lambda");
        assertThat(LambdaEndpoint.options(Map.of("JMCP_ALLOWED_HOSTS", "mcp.example.com")).build().allowedHosts()).containsExactly("mcp.example.com");
    }
}
