package dev.jmcp.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The workload that trains a container image's JDK AOT cache: the real server on a loopback port, driven over real
 * HTTP through what every MCP session does first, so the classes and hot methods of the request path are loaded,
 * linked and profiled before the image is built.
 *
 * <p>It calls no tool of the application: a tool may write, send or delete, and training must have no effects. The
 * requests are initialize, the list methods, ping, a call of a tool that does not exist (the error path), a bad
 * request and the health check, in JSON and in SSE form. The database, if the application opens one while listing,
 * is a throwaway SQLite file (see {@link ContainerMain#trainingEnv}).
 *
 * <p>The client is a plain socket, not {@code java.net.http}, so the image's runtime does not need that module.
 */
final class AotTraining {
    static final int ROUNDS = 40;
    private static final String PROTOCOL = "2025-11-25";
    private static final List<String> BODIES = List.of(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + PROTOCOL
                    + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"jmcp-aot-training\",\"version\":\"1\"}}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"resources/list\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"resources/templates/list\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"prompts/list\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"jmcp-aot-training-no-such-tool\",\"arguments\":{}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"no/such/method\"}",
            "{not json");

    private AotTraining() {
    }

    static void run(String appName, String applicationClass, Map<String, String> env) throws Exception {
        var trainingEnv = ContainerMain.trainingEnv(env);
        var log = System.getLogger("dev.jmcp.server");
        try (var platform = new JvmPlatform(appName, trainingEnv)) {
            var server = ContainerMain.application(applicationClass).create(platform);
            McpHttpServer http = ContainerMain.builder(server, trainingEnv).build().start();
            int answered = 0;
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    for (String body : BODIES) {
                        String accept = round % 2 == 0 ? "application/json, text/event-stream" : "text/event-stream, application/json";
                        if (exchange(http.port(), "POST", "/mcp", accept, body) > 0) answered++;
                    }
                    if (exchange(http.port(), "GET", "/health", "application/json", null) == 200) answered++;
                }
            } finally {
                http.stop();
            }
            log.log(Level.INFO, "jmcp: AOT training of " + appName + " done: " + answered + " responses");
        }
    }

    /** One request on its own connection; answers the status code, or -1 when no status line came back. */
    static int exchange(int port, String method, String path, String accept, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        var head = new StringBuilder()
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Accept: ").append(accept).append("\r\n")
                .append("MCP-Protocol-Version: ").append(PROTOCOL).append("\r\n")
                .append("Connection: close\r\n");
        if (body != null) {
            head.append("Content-Type: application/json\r\n").append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        head.append("\r\n");
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            String response = readAll(socket.getInputStream());
            if (!response.startsWith("HTTP/1.1 ") || response.length() < 12) return -1;
            return Integer.parseInt(response.substring(9, 12));
        }
    }

    private static String readAll(InputStream in) throws IOException {
        var buffer = new ByteArrayOutputStream();
        in.transferTo(buffer);
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
