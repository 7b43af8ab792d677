package dev.jmcp.bench;

import dev.jmcp.Arg;
import dev.jmcp.McpServer;
import dev.jmcp.ToolResult;
import dev.jmcp.http.EndpointOptions;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;
import dev.jmcp.server.McpHttpServer;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * jmcp's side of the load test: the two benchmark tools on {@link McpHttpServer} in stateless mode, as
 * {@code ./jmcp dev --stateless} serves them.
 *
 * <pre>{@code
 * java -cp ... dev.jmcp.bench.JmcpBenchServer 18081 target/fixtures/catalog.json
 * }</pre>
 */
public final class JmcpBenchServer {
    static final Arg<String> TEXT = Arg.string("text").description("Text to echo back");

    static final EndpointOptions OPTIONS = EndpointOptions.builder().mode(EndpointOptions.Mode.STATELESS).build();

    private JmcpBenchServer() {
    }

    /** The benchmark's two tools; {@link EndpointBenchmark} serves the same server without HTTP. */
    static McpServer server(JsonObject catalog) {
        return McpServer.create("jmcp-bench", "1.0.0", mcp -> mcp
                .tool("echo", tool -> tool
                        .description("Echoes the text back")
                        .args(TEXT)
                        .readOnly()
                        .handle(call -> ToolResult.text("echo: " + call.get(TEXT))))
                .tool("catalog", tool -> tool
                        .description("Returns one page of the product catalog")
                        .readOnly()
                        .handle(call -> ToolResult.structured(catalog))));
    }

    public static void main(String[] args) throws Exception {
        trace("main");
        int port = Integer.parseInt(args[0]);
        JsonObject catalog = Json.parse(Files.readAllBytes(Path.of(args[1]))).asObject();
        trace("catalog parsed");
        McpServer server = server(catalog);
        trace("McpServer created");
        McpHttpServer http = McpHttpServer.builder(server)
                .port(port)
                .endpointOptions(OPTIONS)
                .stopOnSigterm()
                .build();
        trace("McpHttpServer built");
        http.start();
        trace("started");
        http.join();
    }

    /** With {@code -Djmcp.bench.trace}, prints wall-clock milliseconds per start-up step, to find where a cold start goes. */
    private static void trace(String step) {
        if (System.getProperty("jmcp.bench.trace") != null) {
            System.err.println("trace " + System.currentTimeMillis() + " " + step + " " + schedstat("/proc/thread-self/schedstat"));
        }
    }

    /**
     * This thread's CPU time and time spent runnable but waiting for a CPU, in ms, from Linux's schedstat: on a busy
     * machine the wall clock mostly measures the neighbours, these two tell the server's own cost from the queueing.
     */
    private static String schedstat(String file) {
        try {
            String[] f = Files.readString(Path.of(file)).trim().split(" ");
            return "cpu=" + Long.parseLong(f[0]) / 1_000_000 + " wait=" + Long.parseLong(f[1]) / 1_000_000;
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }
}
