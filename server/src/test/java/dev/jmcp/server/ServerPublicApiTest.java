package dev.jmcp.server;

import dev.jmcp.McpServer;
import dev.jmcp.ToolResult;
import dev.jmcp.http.EndpointOptions;
import dev.jmcp.http.McpEndpoint;
import org.eclipse.jetty.server.Server;

import java.time.Duration;

/**
 * Calls every public method of the module from plain Java. It is compiled on every build and never run: if the API
 * changes shape, this stops compiling (Javalin's TestPublicApi_Java).
 */
final class ServerPublicApiTest {
    private ServerPublicApiTest() {
    }

    static void everything() throws Exception {
        McpServer server = McpServer.create("weather", "1.0.0", mcp -> mcp
                .tool("hello", tool -> tool.description("Says hello").handle(call -> ToolResult.text("hello"))));

        McpHttpServer http = McpHttpServer.builder(server)
                .port(McpHttpServer.portFromEnvironment(8080))
                .host("0.0.0.0")
                .endpointOptions(EndpointOptions.builder().allowAnyHost().build())
                .drainTimeout(Duration.ofSeconds(10))
                .keepAliveInterval(Duration.ofSeconds(15))
                .streamIdleTimeout(Duration.ofMinutes(5))
                .maxConcurrentRequests(80)
                .stopOnSigterm()
                .build()
                .start();
        int port = http.port();
        String url = http.url();
        http.stop();
        http.join();

        // embedding in an application's own Jetty server
        McpEndpoint endpoint = McpEndpoint.of(server, EndpointOptions.defaults(), JvmEnv.INSTANCE);
        Server jetty = new Server(port);
        jetty.setHandler(new JettyMcpHandler(endpoint));
        jetty.setHandler(new JettyMcpHandler(endpoint, Duration.ofSeconds(15), Duration.ofMinutes(5)));
        JvmEnv.INSTANCE.reportError(url, new IllegalStateException());

        // a container's entry point and its logs
        CloudLogging.install(System.getenv("GOOGLE_CLOUD_PROJECT"));
        ContainerMain.main(new String[] {"notes", "dev.jmcp.examples.notes.NotesApp"});
    }
}
