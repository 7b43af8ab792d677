package dev.jmcp.lambda;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The events that warm an instance up without effects: MCP 2026-07-28 {@code server/discover} and
 * {@code tools/list}, and a 2025 client's {@code initialize} and {@code tools/list} on the stateless lane, each as a
 * Function URL event. They go through the whole path (event parsing, the endpoint, the application's listing code,
 * response formatting), so SnapStart's snapshot and the custom runtime's AOT cache hold that path already loaded
 * and linked. No tool is called: a tool may write, send or delete.
 */
public final class Priming {
    private static final String META = "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"jmcp-priming\",\"version\":\"1\"},"
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

    private Priming() {
    }

    /** The priming events, in order. */
    public static List<byte[]> events() {
        return List.of(
                event("2026-07-28", "server/discover", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"server/discover\",\"params\":{\"_meta\":" + META + "}}"),
                event("2026-07-28", "tools/list", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{\"_meta\":" + META + "}}"),
                event(null, null, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"jmcp-priming\",\"version\":\"1\"}}}"),
                event("2025-11-25", null, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/list\"}"));
    }

    /** A Function URL (payload 2.0) event that POSTs {@code body} to {@code /mcp}. */
    public static byte[] event(String protocolVersion, String method, String body) {
        var headers = JsonObject.builder()
                .put("host", "priming.lambda-url.local")
                .put("content-type", "application/json")
                .put("accept", "application/json, text/event-stream");
        if (protocolVersion != null) headers.put("mcp-protocol-version", protocolVersion);
        if (method != null) headers.put("mcp-method", method);
        JsonObject event = Json.object(
                "version", "2.0",
                "routeKey", "$default",
                "rawPath", "/mcp",
                "rawQueryString", "",
                "headers", headers.build(),
                "requestContext", Json.object(
                        "http", Json.object("method", "POST", "path", "/mcp", "protocol", "HTTP/1.1", "sourceIp", "127.0.0.1"),
                        "requestId", "jmcp-priming", "stage", "$default"),
                "body", body,
                "isBase64Encoded", false);
        return Json.write(event).getBytes(StandardCharsets.UTF_8);
    }
}
