package dev.jmcp.bench;

import dev.jmcp.http.Headers;
import dev.jmcp.http.HttpRequest;
import dev.jmcp.http.HttpResponse;
import dev.jmcp.http.McpEndpoint;
import dev.jmcp.server.JvmEnv;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One load-test request through jmcp's {@link McpEndpoint}, without HTTP: the request headers wrk sends, the
 * tools/call body, and the whole answer as bytes. With {@code -prof gc} this is core's allocation per request; the
 * Jetty adapter and Jetty come on top.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EndpointBenchmark {
    @Param({"echo", "catalog"})
    public String tool;

    private McpEndpoint endpoint;
    private HttpRequest request;

    @Setup
    public void setUp() {
        endpoint = McpEndpoint.of(JmcpBenchServer.server(Fixtures.catalog()), JmcpBenchServer.OPTIONS, JvmEnv.INSTANCE);
        byte[] body = Fixtures.callBody(tool).getBytes(StandardCharsets.UTF_8);
        request = new HttpRequest("POST", "/mcp", Headers.of(
                "Host", "127.0.0.1:18081",
                "Content-Length", Integer.toString(body.length),
                "Content-Type", "application/json",
                "Accept", "application/json, text/event-stream"), body);
        if (!(toolsCall() instanceof HttpResponse.Full full) || full.status() != 200
                || !new String(full.body(), StandardCharsets.UTF_8).contains("\"result\"")) {
            throw new IllegalStateException("the endpoint did not answer the " + tool + " call with a result");
        }
    }

    @Benchmark
    public HttpResponse toolsCall() {
        return endpoint.handle(request);
    }
}
