package dev.jmcp.workers;

import dev.jmcp.McpServer;
import dev.jmcp.SqlDatabase;
import dev.jmcp.ToolResult;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The adapter on the JVM: the same Java that TeaVM compiles, driven as worker.mjs drives it. */
class WorkersAdapterTest {
    private static final String HEADERS = Json.write(Json.array(
            Json.array("content-type", "application/json"),
            Json.array("accept", "application/json, text/event-stream"),
            Json.array("mcp-protocol-version", "2025-11-25")));
    private final List<String> log = new ArrayList<>();

    private WorkersAdapter start(Map<String, String> config) {
        return WorkersAdapter.start(platform -> McpServer.create("t", "1", mcp -> mcp
                        .tool("hello", tool -> tool.description("Greets").handle(call -> {
                            call.progress(1, 2.0, "half");
                            return ToolResult.text("hi from " + platform.runtime());
                        }))
                        .tool("fails", tool -> tool.description("Fails").handle(call -> {
                            throw new IllegalStateException("secret detail");
                        }))),
                config, new WorkersPlatform(config, null, List.of()), bytes -> java.util.Arrays.fill(bytes, (byte) 7), log::add);
    }

    /** Serves {@code body} as worker.mjs does: the body as UTF-8 bytes. */
    private static WorkersAdapter.Answer post(WorkersAdapter adapter, String headers, String body) {
        return adapter.handle("POST", "/mcp", headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject head(WorkersAdapter.Answer answer) {
        return Json.parse(answer.head()).asObject();
    }

    private static String body(WorkersAdapter.Answer answer) {
        return new String(answer.body(), StandardCharsets.UTF_8);
    }

    @Test
    void a_request_gets_a_whole_response_with_status_and_headers() {
        var adapter = start(Map.of());
        assertThat(adapter.startFailure()).isNull();
        var answer = post(adapter, HEADERS, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
        var head = head(answer);
        assertThat(head.number("status").intValue()).isEqualTo(200);
        assertThat(Json.write(head.array("headers"))).contains("[\"Content-Type\",\"application/json\"]");
        assertThat(head.has("body")).isFalse();
        assertThat(body(answer)).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");
    }

    @Test
    void bodies_cross_as_utf8_bytes_unchanged() {
        var answer = post(start(Map.of()), HEADERS, "{\"jsonrpc\":\"2.0\",\"id\":\"ü✓😀\",\"method\":\"ping\"}");
        assertThat(answer.body()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":\"ü✓😀\",\"result\":{}}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void an_event_stream_is_pumped_by_number_until_it_ends() {
        var adapter = start(Map.of());
        var answer = post(adapter, HEADERS,
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"hello\",\"_meta\":{\"progressToken\":\"p\"}}}");
        assertThat(answer.body()).isNull();
        var head = head(answer);
        int stream = head.number("stream").intValue();
        String out = adapter.pump(stream);
        assertThat(out).startsWith("1");
        assertThat(out).contains("notifications/progress").contains("hi from cloudflare-workers");
        assertThat(out.indexOf("notifications/progress")).isLessThan(out.indexOf("hi from"));
        assertThat(adapter.pump(stream)).isEqualTo("1");   // forgotten once ended
        assertThat(adapter.woken()).isEmpty();
    }

    @Test
    void a_failing_tool_is_a_tool_error_and_the_detail_goes_to_the_log_only() {
        var adapter = start(Map.of());
        var answer = post(adapter, HEADERS, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"fails\"}}");
        String body = answer.body() != null ? body(answer) : adapter.pump(head(answer).number("stream").intValue());
        assertThat(body).contains("\"isError\":true").doesNotContain("secret detail");
        assertThat(log).anySatisfy(line -> assertThat(line).contains("tool fails").contains("secret detail"));
    }

    @Test
    void a_missing_facility_is_named_at_start_and_every_request_gets_an_internal_error() {
        var config = Map.<String, String>of();
        var adapter = WorkersAdapter.start(platform -> {
            platform.require(SqlDatabase.class);
            return McpServer.create("t", "1", mcp -> { });
        }, config, new WorkersPlatform(config, null, List.of()), bytes -> { }, log::add);
        assertThat(adapter.startFailure()).contains("provides no SqlDatabase").contains("cloudflare-workers");
        var answer = post(adapter, HEADERS, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
        assertThat(head(answer).number("status").intValue()).isEqualTo(500);
        assertThat(body(answer)).contains("-32603").doesNotContain("SqlDatabase");
    }

    @Test
    void bad_settings_are_a_start_failure_naming_the_variable() {
        assertThat(start(Map.of("JMCP_ONLY_2026", "yes")).startFailure()).contains("JMCP_ONLY_2026 must be true or false, got \"yes\"");
        assertThat(start(Map.of("JMCP_REQUEST_STATE_KEY", "c2hvcnQ=")).startFailure())
                .contains("JMCP_REQUEST_STATE_KEY must decode to at least 32 bytes, got 5");
    }

    @Test
    void allowed_hosts_turn_the_dns_rebinding_check_on() {
        var adapter = start(Map.of("JMCP_ALLOWED_HOSTS", "localhost, example.com"));
        String headers = Json.write(Json.array(Json.array("content-type", "application/json"),
                Json.array("accept", "application/json, text/event-stream"), Json.array("host", "evil.test")));
        assertThat(head(post(adapter, headers, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                .number("status").intValue()).isEqualTo(403);
        assertThat(head(post(start(Map.of()), headers, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                .number("status").intValue()).isEqualTo(200);
    }
}
