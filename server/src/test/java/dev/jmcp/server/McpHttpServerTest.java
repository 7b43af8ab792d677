package dev.jmcp.server;

import dev.jmcp.McpServer;
import dev.jmcp.ToolResult;
import dev.jmcp.http.EndpointOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class McpHttpServerTest {
    private final CountDownLatch slowStarted = new CountDownLatch(1);

    private McpServer server() {
        return McpServer.create("test", "1.0.0", mcp -> mcp
                .tool("slow", tool -> tool.description("Sleeps").handle(call -> {
                    slowStarted.countDown();
                    Thread.sleep(500);
                    return ToolResult.text("done");
                }))
                .tool("thread", tool -> tool.description("Says whether it runs on a virtual thread")
                        .handle(call -> ToolResult.text("virtual=" + Thread.currentThread().isVirtual()))));
    }

    // Own threads: the common pool may have a single worker on a small machine, and these tasks block.
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private McpHttpServer http;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private McpHttpServer start(McpHttpServer.Builder builder) {
        http = builder.port(0).build().start();
        return http;
    }

    @AfterEach
    void stop() {
        if (http != null) http.stop();
        client.close();
        threads.shutdownNow();
    }

    private RawHttp.Response initialize(int port) throws IOException {
        return RawHttp.exchange(port, RawHttp.post("/mcp", "127.0.0.1:" + port, RawHttp.INITIALIZE));
    }

    @Test
    void port_zero_binds_a_free_port_and_url_points_at_the_endpoint() {
        start(McpHttpServer.builder(server()));

        assertThat(http.port()).isPositive();
        assertThat(http.url()).isEqualTo("http://127.0.0.1:" + http.port() + "/mcp");
    }

    @Test
    void building_a_server_answers_jettys_cache_line_question_so_jetty_does_not_start_jmx() {
        McpHttpServer.builder(server()).port(0).build();

        assertThat(System.getProperty(McpHttpServer.JETTY_REFERENCES_PER_CACHE_LINE)).isIn("16", "8");
    }

    @Test
    void a_cache_line_value_the_application_set_is_kept() {
        String before = System.getProperty(McpHttpServer.JETTY_REFERENCES_PER_CACHE_LINE);
        System.setProperty(McpHttpServer.JETTY_REFERENCES_PER_CACHE_LINE, "4");
        try {
            McpHttpServer.skipJettyJmxProbe();

            assertThat(System.getProperty(McpHttpServer.JETTY_REFERENCES_PER_CACHE_LINE)).isEqualTo("4");
        } finally {
            if (before == null) System.clearProperty(McpHttpServer.JETTY_REFERENCES_PER_CACHE_LINE);
            else System.setProperty(McpHttpServer.JETTY_REFERENCES_PER_CACHE_LINE, before);
        }
    }

    @Test
    void a_wildcard_host_is_shown_as_loopback_in_the_url() {
        start(McpHttpServer.builder(server()).host("0.0.0.0"));

        assertThat(http.url()).isEqualTo("http://127.0.0.1:" + http.port() + "/mcp");
    }

    @Test
    void health_answers_ok() throws Exception {
        start(McpHttpServer.builder(server()));

        var response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void other_paths_get_404() throws Exception {
        start(McpHttpServer.builder(server()));

        var response = RawHttp.exchange(http.port(), RawHttp.get("/nothing-here", "127.0.0.1"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Server")).as("no version banner").isNull();
    }

    @Test
    void a_raw_initialize_post_gets_200_and_a_session_id() throws Exception {
        start(McpHttpServer.builder(server()));

        var response = initialize(http.port());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Mcp-Session-Id")).isNotBlank();
        assertThat(response.body()).contains("\"serverInfo\"").contains("\"name\":\"test\"");
    }

    @Test
    void a_body_over_the_limit_gets_413_and_the_server_keeps_serving() throws Exception {
        start(McpHttpServer.builder(server()).endpointOptions(EndpointOptions.builder().maxBodyBytes(1024).build()));
        String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"pad\":\"" + "x".repeat(4000) + "\"}";

        var response = RawHttp.exchange(http.port(), RawHttp.post("/mcp", "127.0.0.1", big));

        assertThat(response.status()).as(response.body()).isEqualTo(413);
        assertThat(initialize(http.port()).status()).as("still serving afterwards").isEqualTo(200);
    }

    @Test
    void tool_handlers_run_on_virtual_threads() throws Exception {
        start(McpHttpServer.builder(server()).endpointOptions(EndpointOptions.builder().mode(EndpointOptions.Mode.STATELESS).build()));

        var response = RawHttp.exchange(http.port(), RawHttp.post("/mcp", "127.0.0.1", """
                {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"thread","arguments":{}}}"""));

        assertThat(response.body()).contains("virtual=true");
    }

    @Test
    void on_jdk_25_the_connectors_selector_is_a_virtual_thread_so_no_platform_thread_selects() throws Exception {
        assertThat(McpHttpServer.selectorParksVirtualThread(25)).isTrue();
        assertThat(McpHttpServer.selectorParksVirtualThread(24)).isFalse();
        assertThat(McpHttpServer.selectorParksVirtualThread(21)).isFalse();
        start(McpHttpServer.builder(server()).endpointOptions(EndpointOptions.builder().mode(EndpointOptions.Mode.STATELESS).build()));
        var response = RawHttp.exchange(http.port(), RawHttp.post("/mcp", "127.0.0.1", """
                {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"thread","arguments":{}}}"""));
        assertThat(response.body()).contains("virtual=true");

        // Thread.getAllStackTraces lists platform threads only; on JDK 25 none of them may be in Jetty's select loop.
        boolean platformSelects = Thread.getAllStackTraces().values().stream().anyMatch(frames ->
                Arrays.stream(frames).anyMatch(frame -> frame.getClassName().startsWith("org.eclipse.jetty.io.ManagedSelector")));
        assertThat(platformSelects).isEqualTo(!McpHttpServer.selectorParksVirtualThread(Runtime.version().feature()));
    }

    @Test
    void stop_lets_an_in_flight_call_finish_refuses_new_connections_and_returns_within_the_drain_timeout() throws Exception {
        start(McpHttpServer.builder(server())
                .endpointOptions(EndpointOptions.builder().mode(EndpointOptions.Mode.STATELESS).build())
                .drainTimeout(Duration.ofSeconds(5)));
        int port = http.port();
        var inFlight = callSlowTool(port);

        long start = System.nanoTime();
        var stopping = CompletableFuture.runAsync(http::stop, threads);
        awaitRefused(port);
        assertThat(inFlight).as("the listening socket closed when the drain began, not when it ended").isNotDone();
        stopping.get(10, TimeUnit.SECONDS);
        long stopMillis = (System.nanoTime() - start) / 1_000_000;

        var response = inFlight.get(5, TimeUnit.SECONDS);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("done");
        assertThat(stopMillis).as("stop waits for the call, not for the whole drain timeout").isLessThan(3_000);
    }

    // With Jetty's own connector, one or two clients in each of three 20-round runs waited forever: see
    // NonInterruptingConnector.
    @Test
    void a_client_connecting_as_the_server_stops_is_answered_refused_or_disconnected_never_left_waiting() throws Exception {
        String call = RawHttp.post("/mcp", "127.0.0.1", """
                {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"thread","arguments":{}}}""");
        var stateless = EndpointOptions.builder().mode(EndpointOptions.Mode.STATELESS).build();
        var outcomes = new TreeMap<String, Integer>();
        for (int round = 0; round < 40; round++) {
            start(McpHttpServer.builder(server()).endpointOptions(stateless));
            int port = http.port();
            var firstAnswer = new CountDownLatch(1);
            var clients = new ArrayList<Future<String>>();
            for (int i = 0; i < 40; i++) clients.add(threads.submit(() -> outcome(port, call, firstAnswer)));
            assertThat(firstAnswer.await(10, TimeUnit.SECONDS)).as("the server answered before it was stopped").isTrue();
            http.stop();   // while the other clients are still connecting
            for (var client : clients) outcomes.merge(client.get(30, TimeUnit.SECONDS), 1, Integer::sum);
        }
        assertThat(outcomes).as("what 1,600 clients racing 40 stops saw").doesNotContainKey("no answer within 5 s");
    }

    /** Sends one request on a new connection and says what came of it. */
    private static String outcome(int port, String request, CountDownLatch answered) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            byte[] answer = socket.getInputStream().readAllBytes();
            if (answer.length == 0) return "closed";
            answered.countDown();
            return Integer.toString(RawHttp.Response.parse(new String(answer, StandardCharsets.UTF_8)).status());
        } catch (ConnectException refused) {
            return "refused";
        } catch (SocketTimeoutException waiting) {
            return "no answer within 5 s";
        } catch (IOException other) {
            return other.getClass().getSimpleName();
        }
    }

    /** Waits up to 5 s for connections to the port to be refused. */
    private static void awaitRefused(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            try (var probe = new Socket("127.0.0.1", port)) {
                Thread.sleep(5);
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                Thread.sleep(5);
            }
        }
        throw new AssertionError("port " + port + " still accepted connections 5 s after stop() began");
    }

    /** Starts a 500 ms tool call on its own connection and returns once the tool runs. */
    private CompletableFuture<RawHttp.Response> callSlowTool(int port) throws InterruptedException {
        var inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                return RawHttp.exchange(port, RawHttp.post("/mcp", "127.0.0.1", """
                        {"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"slow","arguments":{}}}"""));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, threads);
        assertThat(slowStarted.await(5, TimeUnit.SECONDS)).as("the slow tool started").isTrue();
        return inFlight;
    }

    @Test
    void health_answers_503_on_connections_still_open_during_the_drain() throws Exception {
        start(McpHttpServer.builder(server())
                .endpointOptions(EndpointOptions.builder().mode(EndpointOptions.Mode.STATELESS).build())
                .drainTimeout(Duration.ofSeconds(5)));
        int port = http.port();
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(RawHttp.getKeepAlive("/health", "127.0.0.1").getBytes(StandardCharsets.US_ASCII));
            assertThat(RawHttp.readOne(socket.getInputStream()).status()).isEqualTo(200);
            var inFlight = callSlowTool(port);

            var stopping = CompletableFuture.runAsync(http::stop, threads);
            RawHttp.Response draining;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            do {   // until the drain has begun: the stop runs on another thread
                socket.getOutputStream().write(RawHttp.getKeepAlive("/health", "127.0.0.1").getBytes(StandardCharsets.US_ASCII));
                draining = RawHttp.readOne(socket.getInputStream());
            } while (draining.status() == 200 && System.nanoTime() < deadline);

            assertThat(draining.status()).as("the load balancer is told to stop routing here").isEqualTo(503);
            assertThat(draining.body()).isEqualTo("{\"status\":\"draining\"}");
            assertThat(inFlight).as("said while the call was still running").isNotDone();
            assertThat(inFlight.get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
            stopping.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void stop_ends_streams_that_outlast_the_drain_timeout() throws Exception {
        start(McpHttpServer.builder(server()).drainTimeout(Duration.ofMillis(300)));
        var init = initialize(http.port());
        var get = HttpRequest.newBuilder(URI.create(http.url()))
                .header("Accept", "text/event-stream").header("Mcp-Session-Id", init.header("Mcp-Session-Id")).GET().build();
        var stream = client.send(get, HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);

        long start = System.nanoTime();
        http.stop();
        long stopMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(stopMillis).as("the drain timeout, then the stream is ended").isBetween(250L, 3_000L);
        try (var lines = stream.body()) {
            assertThat(lines.count()).as("the stream's body ended instead of hanging").isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void stop_is_idempotent_and_a_server_cannot_start_twice() {
        start(McpHttpServer.builder(server()));

        assertThatThrownBy(http::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("already started");
        http.stop();
        http.stop();
        assertThatThrownBy(http::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("already stopped");
    }

    @Test
    void join_returns_once_stopped() throws Exception {
        start(McpHttpServer.builder(server()));
        var joined = CompletableFuture.runAsync(() -> {
            try {
                http.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, threads);

        http.stop();

        joined.get(5, TimeUnit.SECONDS);
    }

    @Test
    void a_taken_port_fails_start_with_a_message_naming_it() {
        start(McpHttpServer.builder(server()));
        var second = McpHttpServer.builder(server()).port(http.port()).build();

        assertThatThrownBy(second::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("127.0.0.1:" + http.port())
                .hasMessageContaining("another process");
    }

    @Test
    void port_from_environment_accepts_numbers_in_range_and_defaults_when_unset() {
        assertThat(McpHttpServer.portFrom(null, 8080)).isEqualTo(8080);
        assertThat(McpHttpServer.portFrom(" ", 8080)).isEqualTo(8080);
        assertThat(McpHttpServer.portFrom("9090", 8080)).isEqualTo(9090);
        assertThat(McpHttpServer.portFrom(" 3000 ", 8080)).isEqualTo(3000);
    }

    @Test
    void port_from_environment_names_PORT_and_the_bad_value() {
        assertThatThrownBy(() -> McpHttpServer.portFrom("http", 8080))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PORT must be a number from 0 to 65535, got \"http\"");
        assertThatThrownBy(() -> McpHttpServer.portFrom("70000", 8080))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PORT must be a number from 0 to 65535, got \"70000\"");
        assertThatThrownBy(() -> McpHttpServer.portFrom("-1", 8080)).hasMessageContaining("PORT");
    }

    @Test
    void the_builder_names_the_bad_argument() {
        var builder = McpHttpServer.builder(server());

        assertThatThrownBy(() -> builder.port(65536)).hasMessage("port must be from 0 to 65535, got 65536");
        assertThatThrownBy(() -> builder.host(" ")).hasMessageContaining("host is blank");
        assertThatThrownBy(() -> builder.drainTimeout(Duration.ofSeconds(-1))).hasMessageContaining("drainTimeout");
        assertThatThrownBy(() -> builder.keepAliveInterval(Duration.ZERO)).hasMessageContaining("keepAliveInterval");
        assertThatThrownBy(() -> builder.streamIdleTimeout(Duration.ZERO)).hasMessageContaining("streamIdleTimeout");
    }
}
