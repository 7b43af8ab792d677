package dev.jmcp.bench;

import dev.jmcp.http.HttpResponse;
import dev.jmcp.http.McpEndpoint;
import dev.jmcp.server.JvmEnv;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The check that decides whether a server's answers may be measured at all. */
class McpProbeTest {
    private final McpProbe probe = new McpProbe();

    @Test
    void jmcps_own_answers_pass_for_both_tools() {
        var endpoint = McpEndpoint.of(JmcpBenchServer.server(Fixtures.catalog()), JmcpBenchServer.OPTIONS, JvmEnv.INSTANCE);
        for (String tool : Bench.TOOLS) {
            var request = new dev.jmcp.http.HttpRequest("POST", "/mcp", dev.jmcp.http.Headers.of("Host", "127.0.0.1",
                    "Content-Type", "application/json", "Accept", "application/json, text/event-stream"),
                    Fixtures.callBody(tool).getBytes(StandardCharsets.UTF_8));
            var full = (HttpResponse.Full) endpoint.handle(request);

            assertThat(probe.problem(full.status(), "application/json", full.body(), tool)).as(tool).isNull();
            assertThat(new String(full.body(), StandardCharsets.UTF_8)).as("the marker wrk looks for").contains(McpProbe.marker(tool));
        }
    }

    @Test
    void an_error_status_never_passes_as_a_result() {
        assertThat(probe.problem(406, "application/json", "{}".getBytes(), "echo")).startsWith("HTTP status 406");
    }

    @Test
    void an_event_stream_is_refused_because_every_server_must_answer_json() {
        assertThat(probe.problem(200, "text/event-stream", "event: message\n".getBytes(), "echo")).contains("not an SSE stream");
    }

    @Test
    void a_json_rpc_error_or_a_tool_error_is_not_a_result() {
        String rpcError = "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"Unknown tool\"}}";
        String toolError = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"echo: "
                + Fixtures.ECHO_TEXT + "\"}],\"isError\":true}}";

        assertThat(probe.problem(200, "application/json", rpcError.getBytes(), "echo")).startsWith("no result");
        assertThat(probe.problem(200, "application/json", toolError.getBytes(), "echo")).startsWith("isError is true");
    }

    @Test
    void a_catalog_that_differs_by_one_value_fails() {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"{}\"}],"
                + "\"structuredContent\":{\"items\":[]}}}";

        assertThat(probe.problem(200, "application/json", body.getBytes(), "catalog")).contains("differs from the catalog");
    }
}
