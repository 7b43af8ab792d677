package dev.jmcp.http;

import dev.jmcp.Arg;
import dev.jmcp.CacheHint;
import dev.jmcp.Elicitation;
import dev.jmcp.McpServer;
import dev.jmcp.ResourceResult;
import dev.jmcp.ToolResult;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The MCP 2026-07-28 lane: every refusal with its status and code, and multi-round-trip requests end to end. */
class Stateless2026Test {
    static final String META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{\"elicitation\":{}}}";
    static final Arg<String> REGION = Arg.string("region").header("Region");

    final AtomicLong now = new AtomicLong(1_000_000);
    final Env clock = new Env() {
        @Override
        public long currentTimeMillis() {
            return now.get();
        }

        @Override
        public void randomBytes(byte[] into) {
            Wire.ENV.randomBytes(into);
        }
    };

    final McpServer server = McpServer.create("t", "1", mcp -> mcp
            .cache(CacheHint.publicFor(60_000))
            .tool("greet", t -> t.description("Asks a name").handle(call -> {
                var answer = call.elicit("user_name", Elicitation.form("Name?", Json.object("type", "object",
                        "properties", Json.object("name", Json.object("type", "string")))));
                return ToolResult.text("Hello, " + answer.content().string("name") + "!");
            }))
            .tool("other", t -> t.description("Another tool").handle(call -> ToolResult.text("other")))
            .tool("where", t -> t.description("Region").args(REGION).handle(call -> ToolResult.text(call.get(REGION))))
            .resource("docs://a", r -> r.name("a").cache(CacheHint.privateFor(5)).read(read -> ResourceResult.text(read.uri(), "text/plain", "A"))));

    McpEndpoint endpoint = McpEndpoint.of(server, EndpointOptions.builder()
            .requestStateKey("0123456789abcdef0123456789abcdef".getBytes()).requestStateMillis(60_000).build(), clock);

    HttpResponse post(String body, String... extraHeaders) {
        JsonObject message = Json.parse(body).asObject();
        JsonObject params = message.optObject("params");
        var headers = Wire.postHeaders(null).toBuilder()
                .set("MCP-Protocol-Version", "2026-07-28")
                .set("Mcp-Method", message.string("method"));
        String name = params == null ? null : params.optString(message.string("method").equals("resources/read") ? "uri" : "name");
        if (name != null) headers.set("Mcp-Name", name);
        for (int i = 0; i < extraHeaders.length; i += 2) {
            if (extraHeaders[i + 1] == null) {
                var all = headers.build().fields().stream().filter(f -> !f.name().equalsIgnoreCase(extraHeaders[0])).toList();
                var rebuilt = Headers.builder();
                all.forEach(f -> rebuilt.add(f.name(), f.value()));
                headers = rebuilt;
            } else {
                headers.set(extraHeaders[i], extraHeaders[i + 1]);
            }
        }
        return endpoint.handle(new HttpRequest("POST", "/mcp", headers.build(), body.getBytes(StandardCharsets.UTF_8)));
    }

    static void assertError(HttpResponse response, int status, int code, String text) {
        assertThat(response.status()).as(Json.write(Wire.body(response))).isEqualTo(status);
        JsonObject error = Wire.body(response).object("error");
        assertThat(error.number("code").intValue()).isEqualTo(code);
        assertThat(error.string("message")).contains(text);
        assertThat(Wire.body(response).get("id")).as("the request id is echoed").isNotNull().isNotEqualTo(dev.jmcp.json.JsonNull.NULL);
    }

    @Test
    void missingMetaIsInvalidParamsWith400() {
        assertError(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"server/discover\",\"params\":{}}"), 400, -32602, "_meta");
        assertError(post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"server/discover\",\"params\":{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}}"),
                400, -32602, "clientCapabilities");
    }

    @Test
    void aHeaderThatDisagreesWithMetaIsAHeaderMismatch() {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"server/discover\",\"params\":{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"v999\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
        assertError(post(body), 400, -32020, "does not match");
    }

    @Test
    void anUnsupportedVersionListsTheSupportedOnes() {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"server/discover\",\"params\":{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"v999\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
        var response = post(body, "MCP-Protocol-Version", "v999");
        assertError(response, 400, -32022, "v999");
        assertThat(Json.write(Wire.body(response).object("error").object("data"))).isEqualTo("{\"supported\":[\"2026-07-28\"],\"requested\":\"v999\"}");
    }

    @Test
    void mcpMethodAndNameMustMatchTheBody() {
        String call = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"other\"," + META + "}}";
        assertError(post(call, "Mcp-Method", "tools/list"), 400, -32020, "Mcp-Method");
        assertError(post(call, "Mcp-Method", null), 400, -32020, "Missing Mcp-Method");
        assertError(post(call, "Mcp-Name", "greet"), 400, -32020, "Mcp-Name");
        assertError(post(call, "Mcp-Name", null), 400, -32020, "Missing Mcp-Name");
        assertThat(post(call, "mcp-name", "  other  ").status()).as("names are case-insensitive, values trimmed").isEqualTo(200);
        assertError(post(call, "Mcp-Method", "TOOLS/CALL"), 400, -32020, "Mcp-Method");
    }

    @Test
    void mirroredParamHeadersAreCheckedWithStrictBase64() {
        String call = "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":{\"name\":\"where\",\"arguments\":{\"region\":\"Hello\"}," + META + "}}";
        assertThat(post(call, "Mcp-Param-Region", "=?base64?SGVsbG8=?=").status()).isEqualTo(200);
        assertThat(post(call, "Mcp-Param-Region", "Hello").status()).isEqualTo(200);
        assertError(post(call, "Mcp-Param-Region", "=?base64?SGVsbG8?="), 400, -32020, "Base64");
        assertError(post(call, "Mcp-Param-Region", "=?base64?SGVs!!!bG8=?="), 400, -32020, "Base64");
        assertError(post(call, "Mcp-Param-Region", "Bye"), 400, -32020, "does not match");
        assertError(post(call), 400, -32020, "Missing Mcp-Param-Region");
    }

    @Test
    void removedAndUnknownMethodsAre404() {
        for (String method : new String[] {"initialize", "ping", "logging/setLevel", "resources/subscribe", "no/such"}) {
            assertError(post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":{" + META + "}}"), 404, -32601, method);
        }
    }

    @Test
    void discoverAndEveryResultCarryTheirTypeCacheHintsAndServerInfo() {
        var discover = Wire.body(post("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"server/discover\",\"params\":{" + META + "}}")).object("result");
        assertThat(discover.array("supportedVersions").get(0).asString()).isEqualTo("2026-07-28");
        assertThat(discover.string("resultType")).isEqualTo("complete");
        assertThat(discover.object("_meta").object("io.modelcontextprotocol/serverInfo").string("name")).isEqualTo("t");
        var list = Wire.body(post("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/list\",\"params\":{" + META + "}}")).object("result");
        assertThat(list.number("ttlMs").longValue()).isEqualTo(60_000);
        assertThat(list.string("cacheScope")).isEqualTo("public");
        var read = Wire.body(post("{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"resources/read\",\"params\":{\"uri\":\"docs://a\"," + META + "}}")).object("result");
        assertThat(read.number("ttlMs").longValue()).as("a resource's own hint wins").isEqualTo(5);
        assertThat(read.string("cacheScope")).isEqualTo("private");
    }

    @Test
    void anUnknownResourceIsInvalidParamsWithItsUri() {
        var response = post("{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"resources/read\",\"params\":{\"uri\":\"docs://zzz\"," + META + "}}");
        assertThat(Wire.body(response).object("error").number("code").intValue()).isEqualTo(-32602);
        assertThat(Wire.body(response).object("error").object("data").string("uri")).isEqualTo("docs://zzz");
    }

    @Test
    void aMissingClientCapabilityIs400WithTheCapabilityNeeded() {
        String noCaps = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}";
        var response = post("{\"jsonrpc\":\"2.0\",\"id\":12,\"method\":\"tools/call\",\"params\":{\"name\":\"greet\"," + noCaps + "}}");
        assertError(response, 400, -32021, "elicitation");
        assertThat(Json.write(Wire.body(response).object("error").object("data"))).isEqualTo("{\"requiredCapabilities\":{\"elicitation\":{\"form\":{}}}}");
    }

    JsonObject greet(String extra) {
        return Wire.body(post("{\"jsonrpc\":\"2.0\",\"id\":13,\"method\":\"tools/call\",\"params\":{\"name\":\"greet\"," + extra + META + "}}"));
    }

    @Test
    void aQuestionBecomesInputRequiredAndTheRetryCompletes() {
        var first = greet("").object("result");
        assertThat(first.string("resultType")).isEqualTo("input_required");
        assertThat(first.object("inputRequests").object("user_name").string("method")).isEqualTo("elicitation/create");
        String state = first.string("requestState");
        var second = greet("\"inputResponses\":{\"user_name\":{\"action\":\"accept\",\"content\":{\"name\":\"Ada\"}}},\"requestState\":\"" + state + "\",");
        assertThat(second.object("result").string("resultType")).isEqualTo("complete");
        assertThat(Json.write(second)).contains("Hello, Ada!");
    }

    @Test
    void tamperedExpiredAndForeignStatesAreRefused() {
        String state = greet("").object("result").string("requestState");
        String answer = "\"inputResponses\":{\"user_name\":{\"action\":\"accept\",\"content\":{\"name\":\"Ada\"}}},";
        var tampered = post("{\"jsonrpc\":\"2.0\",\"id\":14,\"method\":\"tools/call\",\"params\":{\"name\":\"greet\"," + answer
                + "\"requestState\":\"" + state + "-TAMPERED\"," + META + "}}");
        assertError(tampered, 400, -32602, "requestState refused");
        var foreign = post("{\"jsonrpc\":\"2.0\",\"id\":15,\"method\":\"tools/call\",\"params\":{\"name\":\"other\",\"requestState\":\"" + state + "\"," + META + "}}");
        assertError(foreign, 400, -32602, "issued for tools/call \"greet\"");
        now.addAndGet(60_001);
        var expired = post("{\"jsonrpc\":\"2.0\",\"id\":16,\"method\":\"tools/call\",\"params\":{\"name\":\"greet\"," + answer
                + "\"requestState\":\"" + state + "\"," + META + "}}");
        assertError(expired, 400, -32602, "expired");
    }

    @Test
    void anAnswerOfTheWrongShapeIsInvalidParams() {
        var response = post("{\"jsonrpc\":\"2.0\",\"id\":17,\"method\":\"tools/call\",\"params\":{\"name\":\"greet\",\"inputResponses\":{\"user_name\":12345}," + META + "}}");
        assertThat(Wire.body(response).object("error").number("code").intValue()).isEqualTo(-32602);
    }

    @Test
    void aListenStreamAcknowledgesFirstAndCarriesOnlyWhatWasAskedFor() {
        var response = post("{\"jsonrpc\":\"2.0\",\"id\":1764000000000,\"method\":\"subscriptions/listen\",\"params\":{\"notifications\":{\"promptsListChanged\":true}," + META + "}}");
        var stream = ((HttpResponse.Events) response).events();
        var frames = new ArrayList<String>();
        assertThat(stream.pump(frames::add)).isFalse();
        var ack = Wire.messages(frames);
        assertThat(ack).hasSize(1);
        assertThat(ack.get(0).string("method")).isEqualTo("notifications/subscriptions/acknowledged");
        assertThat(ack.get(0).object("params").object("_meta").has("io.modelcontextprotocol/subscriptionId")).isTrue();
        server.toolsChanged();
        server.promptsChanged();
        frames.clear();
        stream.pump(frames::add);
        assertThat(Wire.messages(frames)).extracting(m -> m.string("method")).containsExactly("notifications/prompts/list_changed");
        stream.cancel();
    }

    @Test
    void onlyServing2026Refuses2025Clients() {
        var only = McpEndpoint.of(server, EndpointOptions.builder().only2026().build(), clock);
        var init = only.handle(new HttpRequest("POST", "/mcp", Wire.postHeaders(null),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"x\",\"version\":\"1\"}}}"
                        .getBytes(StandardCharsets.UTF_8)));
        assertError(init, 400, -32022, "only MCP 2026-07-28");
    }

    @Test
    void the2025SessionLaneStillWorksOnTheSameEndpoint() {
        var wire = new Wire(endpoint);
        wire.initialize("{}");
        assertThat(wire.session).isNotNull();
        var call = wire.post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"other\"}}");
        assertThat(Wire.body(call).object("result").has("resultType")).as("2025 results are framed the 2025 way").isFalse();
    }
}
