package dev.jmcp.server;

import dev.jmcp.McpServer;
import dev.jmcp.ToolResult;
import dev.jmcp.http.EndpointOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcurrencyLimitTest {
    private static final String CALL = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"wait\",\"arguments\":{}}}";

    private final CountDownLatch entered = new CountDownLatch(3);
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private McpHttpServer http;

    @AfterEach
    void stop() {
        release.countDown();
        if (http != null) http.stop();
        threads.shutdownNow();
    }

    private McpServer server() {
        return McpServer.create("limited", "1.0.0", mcp -> mcp.tool("wait", tool -> tool.description("Waits to be released")
                .handle(call -> {
                    entered.countDown();
                    release.await(10, TimeUnit.SECONDS);
                    return ToolResult.text("released");
                })));
    }

    private RawHttp.Response call() throws Exception {
        return RawHttp.exchange(http.port(), RawHttp.post("/mcp", "127.0.0.1:" + http.port(), CALL));
    }

    @Test
    void a_request_beyond_the_limit_gets_503_with_retry_after_and_the_ones_below_it_complete() throws Exception {
        http = McpHttpServer.builder(server()).port(0).maxConcurrentRequests(3)
                .endpointOptions(EndpointOptions.builder().mode(EndpointOptions.Mode.STATELESS).build()).build().start();
        var inFlight = new ArrayList<CompletableFuture<RawHttp.Response>>();
        for (int i = 0; i < 3; i++) inFlight.add(CompletableFuture.supplyAsync(() -> {
            try {
                return call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, threads));
        assertThat(entered.await(10, TimeUnit.SECONDS)).as("three requests in their handler").isTrue();

        var refused = call();

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.body()).contains("Server busy: 3 requests are in progress");
        release.countDown();
        for (var r : inFlight) {
            var done = r.get(10, TimeUnit.SECONDS);
            assertThat(done.status()).isEqualTo(200);
            assertThat(done.body()).contains("released");
        }
        assertThat(call().status()).as("the slots were given back").isEqualTo(200);
    }

    @Test
    void a_refusal_of_a_request_whose_body_is_all_there_keeps_the_connection_for_the_next_request() throws Exception {
        try (var socket = refusedOverKeepAlive(false)) {
            var refused = RawHttp.readOne(socket.getInputStream());
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Connection")).isNull();

            socket.getOutputStream().write(RawHttp.getKeepAlive("/health", "127.0.0.1").getBytes(StandardCharsets.UTF_8));
            assertThat(RawHttp.readOne(socket.getInputStream()).status()).isEqualTo(200);
        }
    }

    @Test
    void a_refusal_sent_before_the_body_arrived_tells_the_client_the_connection_closes() throws Exception {
        // Jetty cannot read this connection's next request without the rest of the body: it closes it, and a client
        // not told so would send its next request into a closed connection (seen in ContainerIT with java.net.http).
        try (var socket = refusedOverKeepAlive(true)) {
            var refused = RawHttp.readOne(socket.getInputStream());
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Connection")).isEqualTo("close");
            assertThat(socket.getInputStream().read()).as("the server closed the connection").isEqualTo(-1);
        }
    }

    /** Takes the only slot with a waiting call, then sends a keep-alive call over a new socket, its body held back or not. */
    private Socket refusedOverKeepAlive(boolean holdBackBody) throws Exception {
        http = McpHttpServer.builder(server()).port(0).maxConcurrentRequests(1)
                .endpointOptions(EndpointOptions.builder().mode(EndpointOptions.Mode.STATELESS).build()).build().start();
        CompletableFuture.runAsync(() -> {
            try {
                call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, threads);
        while (entered.getCount() == 3) Thread.sleep(5);

        var socket = new Socket("127.0.0.1", http.port());
        socket.setSoTimeout(10_000);
        String keepAlive = RawHttp.post("/mcp", "127.0.0.1", CALL).replace("Connection: close\r\n", "");
        int headEnd = keepAlive.indexOf("\r\n\r\n") + 4;
        String sent = holdBackBody ? keepAlive.substring(0, headEnd) : keepAlive;
        socket.getOutputStream().write(sent.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return socket;
    }

    @Test
    void health_is_not_counted() throws Exception {
        http = McpHttpServer.builder(server()).port(0).maxConcurrentRequests(1).build().start();

        var health = RawHttp.exchange(http.port(), RawHttp.get("/health", "127.0.0.1"));
        var notFound = RawHttp.exchange(http.port(), RawHttp.get("/elsewhere", "127.0.0.1"));

        assertThat(health.status()).isEqualTo(200);
        assertThat(notFound.status()).as("declined requests give their slot back").isEqualTo(404);
        assertThat(RawHttp.exchange(http.port(), RawHttp.get("/health", "127.0.0.1")).status()).isEqualTo(200);
    }

    @Test
    void a_negative_limit_is_refused_with_its_meaning() {
        assertThatThrownBy(() -> McpHttpServer.builder(server()).maxConcurrentRequests(-1))
                .hasMessageContaining("maxConcurrentRequests < 0: -1 (0 means no limit)");
    }
}
