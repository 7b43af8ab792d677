package dev.jmcp.bench;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The official MCP Java SDK's side of the load test ({@code io.modelcontextprotocol.sdk:mcp}): the same two tools
 * on its stateless Streamable HTTP servlet, {@code HttpServletStatelessServerTransport}, in Jetty 12's Servlet 6.1
 * environment with Jetty's default thread pool. The SDK's defaults are kept (Jackson 3 mapper, input validation).
 *
 * <pre>{@code
 * java -cp ... dev.jmcp.bench.SdkBenchServer 18082 target/fixtures/catalog.json
 * }</pre>
 */
public final class SdkBenchServer {
    private SdkBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        McpJsonMapper mapper = McpJsonDefaults.getMapper();
        Map<String, Object> catalog = mapper.readValue(Files.readAllBytes(Path.of(args[1])), new TypeRef<Map<String, Object>>() {
        });

        var transport = HttpServletStatelessServerTransport.builder().jsonMapper(mapper).messageEndpoint("/mcp").build();
        var echo = McpSchema.Tool.builder()
                .name("echo")
                .description("Echoes the text back")
                .inputSchema(mapper, """
                        {"type":"object","properties":{"text":{"type":"string","description":"Text to echo back"}},"required":["text"]}""")
                .annotations(new McpSchema.ToolAnnotations(null, true, null, null, null, null))
                .build();
        var catalogTool = McpSchema.Tool.builder()
                .name("catalog")
                .description("Returns one page of the product catalog")
                .inputSchema(mapper, """
                        {"type":"object","properties":{}}""")
                .annotations(new McpSchema.ToolAnnotations(null, true, null, null, null, null))
                .build();
        McpServer.sync(transport)
                .serverInfo("sdk-bench", "1.0.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .toolCall(echo, (context, request) -> McpSchema.CallToolResult.builder()
                        .addTextContent("echo: " + request.arguments().get("text"))
                        .build())
                .toolCall(catalogTool, (context, request) -> McpSchema.CallToolResult.builder()
                        .addTextContent(write(mapper, catalog))   // the JSON text as well, as the spec asks
                        .structuredContent(catalog)
                        .build())
                .build();

        var jetty = new Server();
        var connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        jetty.addConnector(connector);
        var context = new ServletContextHandler();
        context.addServlet(new ServletHolder(transport), "/mcp");
        jetty.setHandler(context);
        jetty.setStopAtShutdown(true);
        jetty.start();
        jetty.join();
    }

    private static String write(McpJsonMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
