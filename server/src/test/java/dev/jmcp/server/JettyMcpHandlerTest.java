package dev.jmcp.server;

import dev.jmcp.Elicitation;
import dev.jmcp.McpServer;
import dev.jmcp.ToolResult;
import dev.jmcp.http.EndpointOptions;
import dev.jmcp.http.McpEndpoint;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class JettyMcpHandlerTest {
    private static final Duration LONG = Duration.ofMinutes(1);

    static McpServer testServer() {
        return McpServer.create("test", "1.0.0", mcp -> mcp
                .tool("progress", tool -> tool.description("Reports progress twice").handle(call -> {
                    call.progress(1, 2);
                    call.progress(2, 2);
                    return ToolResult.text("done");
                }))
                .tool("ask", tool -> tool.description("Asks the user for a city").handle(call -> {
                    var answer = call.elicit(Elicitation.form("Which city?", Json.object("type", "object",
                            "properties", Json.object("city", Json.object("type", "string")))));
                    return ToolResult.text("city=" + answer.content().string("city"));
                })));
    }

    private Server jetty;
    private LocalConnector local;
    private ServerConnector network;
    private JettyMcpHandler handler;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private void serve(EndpointOptions options, Duration keepAlive, Duration streamIdle) throws Exception {
        var threads = new QueuedThreadPool();
        threads.setVirtualThreadsExecutor(VirtualThreads.getDefaultVirtualThreadsExecutor());
        jetty = new Server(threads);
        local = new LocalConnector(jetty);
        network = new ServerConnector(jetty);
        network.setHost("127.0.0.1");
        network.setPort(0);
        jetty.addConnector(local);
        jetty.addConnector(network);
        handler = new JettyMcpHandler(McpEndpoint.of(testServer(), options, JvmEnv.INSTANCE), keepAlive, streamIdle);
        jetty.setHandler(handler);
        jetty.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (jetty != null) jetty.stop();
        client.close();
    }

    private RawHttp.Response local(String request) throws Exception {
        return RawHttp.Response.parse(local.getResponse(request, 10, TimeUnit.SECONDS));
    }

    // ---- text in, text out ---------------------------------------------------------------------------------

    @Test
    void initialize_gets_200_json_and_a_session_id() throws Exception {
        serve(EndpointOptions.defaults(), LONG, LONG);

        var response = local(RawHttp.post("/mcp", "localhost", RawHttp.INITIALIZE));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Mcp-Session-Id")).as("stateful mode hands out a session").matches("[0-9a-f]{32}");
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.header("Content-Length")).isEqualTo(String.valueOf(response.body().length()));
        assertThat(response.body()).contains("\"protocolVersion\":\"2025-11-25\"");
    }

    @Test
    void paths_other_than_the_endpoint_are_left_to_the_next_handler() throws Exception {
        serve(EndpointOptions.defaults(), LONG, LONG);

        assertThat(local(RawHttp.post("/other", "localhost", RawHttp.INITIALIZE)).status()).isEqualTo(404);
        assertThat(local(RawHttp.post("/mcp/extra", "localhost", RawHttp.INITIALIZE)).status()).isEqualTo(404);
    }

    @Test
    void headers_reach_core_which_refuses_a_foreign_host() throws Exception {
        serve(EndpointOptions.defaults(), LONG, LONG);

        var response = local(RawHttp.post("/mcp", "evil.example", RawHttp.INITIALIZE));

        assertThat(response.status()).as("DNS-rebinding defence in core saw the Host header").isEqualTo(403);
    }

    @Test
    void a_body_over_the_limit_gets_413_from_core() throws Exception {
        serve(EndpointOptions.builder().maxBodyBytes(1024).build(), LONG, LONG);
        String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"pad\":\"" + "x".repeat(5000) + "\"}";

        var response = local(RawHttp.post("/mcp", "localhost", big));

        assertThat(response.status()).isEqualTo(413);
        assertThat(local(RawHttp.post("/mcp", "localhost", RawHttp.INITIALIZE)).status()).as("still serving").isEqualTo(200);
    }

    @Test
    void reading_stops_one_byte_past_the_limit() throws Exception {
        var source = Content.Source.from(ByteBuffer.wrap(new byte[10_000]));

        assertThat(JettyMcpHandler.readAtMost(source, 1025)).hasSize(1025);
        assertThat(JettyMcpHandler.readAtMost(Content.Source.from(ByteBuffer.wrap(new byte[7])), 1025)).hasSize(7);
        assertThat(JettyMcpHandler.readAtMost(Content.Source.from(ByteBuffer.allocate(0)), 1025)).isEmpty();
    }

    @Test
    void a_streamed_tool_call_is_sent_as_server_sent_events() throws Exception {
        serve(EndpointOptions.defaults(), LONG, LONG);
        String session = local(RawHttp.post("/mcp", "localhost", RawHttp.INITIALIZE)).header("Mcp-Session-Id");

        var response = local(RawHttp.post("/mcp", "localhost", """
                {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"progress","arguments":{},\
                "_meta":{"progressToken":"p1"}}}""", "Mcp-Session-Id: " + session, "MCP-Protocol-Version: 2025-11-25"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/event-stream");
        assertThat(response.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(response.header("X-Accel-Buffering")).as("nginx must not buffer the stream").isEqualTo("no");
        assertThat(response.body()).contains("notifications/progress").contains("\"text\":\"done\"");
        assertThat(response.body().indexOf("notifications/progress")).as("progress before the result")
                .isLessThan(response.body().indexOf("\"text\":\"done\""));
    }

    // ---- live streams over a socket -------------------------------------------------------------------------

    private String base() {
        return "http://127.0.0.1:" + network.getLocalPort() + "/mcp";
    }

    private HttpRequest.Builder post(String session, String json) {
        var request = HttpRequest.newBuilder(URI.create(base()))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (session != null) request.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25");
        return request;
    }

    private String initialize(String capabilities) throws Exception {
        var init = RawHttp.INITIALIZE.replace("\"capabilities\":{}", "\"capabilities\":" + capabilities);
        var response = client.send(post(null, init).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String session = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
        client.send(post(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").build(),
                HttpResponse.BodyHandlers.discarding());
        return session;
    }

    private static String nextData(Iterator<String> lines) {
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("data: ") && line.length() > "data: ".length()) return line.substring("data: ".length());
        }
        throw new AssertionError("the stream ended without another event");
    }

    @Test
    void an_elicitation_waits_for_the_answer_posted_on_another_request() throws Exception {
        serve(EndpointOptions.defaults(), LONG, LONG);
        String session = initialize("{\"elicitation\":{}}");

        var call = client.send(post(session, """
                {"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"ask","arguments":{}}}""").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(call.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        try (Stream<String> body = call.body()) {
            Iterator<String> lines = body.iterator();
            var question = (JsonObject) Json.parse(nextData(lines));
            assertThat(question.string("method")).isEqualTo("elicitation/create");

            String answer = "{\"jsonrpc\":\"2.0\",\"id\":" + Json.write(question.get("id"))
                    + ",\"result\":{\"action\":\"accept\",\"content\":{\"city\":\"Bergen\"}}}";
            var posted = client.send(post(session, answer).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);

            assertThat(nextData(lines)).as("the woken stream carries the tool's result").contains("city=Bergen");
        }
    }

    @Test
    void a_silent_stream_gets_keep_alives_and_a_client_that_leaves_cancels_it() throws Exception {
        serve(EndpointOptions.defaults(), Duration.ofMillis(50), LONG);
        String session = initialize("{}");
        var get = HttpRequest.newBuilder(URI.create(base()))
                .header("Accept", "text/event-stream").header("Mcp-Session-Id", session).GET().build();

        var stream = client.send(get, HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        try (Stream<String> body = stream.body()) {
            assertThat(body.filter(line -> line.equals(": keepalive")).findFirst()).as("a keep-alive comment").isPresent();
            assertThat(handler.openStreams()).isEqualTo(1);
        }

        awaitNoOpenStreams();
        var again = client.send(get, HttpResponse.BodyHandlers.ofLines());
        assertThat(again.statusCode()).as("core was told (cancel), so the session may open a new GET stream").isEqualTo(200);
        again.body().close();
    }

    @Test
    void a_connection_idle_timeout_does_not_end_a_waiting_stream() throws Exception {
        serve(EndpointOptions.defaults(), Duration.ofMillis(600), LONG);
        network.setIdleTimeout(150);   // Jetty reports the timeout to failure listeners, but the request lives on
        String session = initialize("{}");
        var get = HttpRequest.newBuilder(URI.create(base()))
                .header("Accept", "text/event-stream").header("Mcp-Session-Id", session).GET().build();

        var stream = client.send(get, HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> body = stream.body()) {
            assertThat(body.filter(line -> line.equals(": keepalive")).findFirst())
                    .as("still open at the first keep-alive, after several idle timeouts").isPresent();
        }
    }

    @Test
    void a_stream_that_waits_too_long_is_ended() throws Exception {
        serve(EndpointOptions.defaults(), Duration.ofMillis(50), Duration.ofMillis(300));
        String session = initialize("{}");
        var get = HttpRequest.newBuilder(URI.create(base()))
                .header("Accept", "text/event-stream").header("Mcp-Session-Id", session).GET().build();

        long start = System.nanoTime();
        var stream = client.send(get, HttpResponse.BodyHandlers.ofString());
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(elapsedMillis).as("the response ends at the stream idle timeout").isBetween(250L, 5_000L);
        assertThat(handler.openStreams()).isZero();
    }

    private void awaitNoOpenStreams() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (handler.openStreams() > 0 && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(handler.openStreams()).as("the stream noticed the client left (a keep-alive write failed)").isZero();
    }
}
