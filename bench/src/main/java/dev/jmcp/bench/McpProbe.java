package dev.jmcp.bench;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonArray;
import dev.jmcp.json.JsonBoolean;
import dev.jmcp.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Sends the load test's tools/call to a server and checks the answer in full: status 200, a JSON (not SSE) body,
 * a JSON-RPC result for id 1 that is not an error, and exactly the expected content. The load generator only checks
 * a marker per response; this is the check that the marker stands for a correct result.
 */
final class McpProbe {
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)   // no h2c upgrade attempt: wrk speaks HTTP/1.1 too
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final JsonObject catalog = Fixtures.catalog();

    /** Calls {@code tool} at {@code url}; returns null when the answer is correct, else what is wrong with it. */
    String check(String url, String tool) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = call(url, tool);
        return problem(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(), tool);
    }

    HttpResponse<byte[]> call(String url, String tool) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(Fixtures.callBody(tool)))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Like {@link #check} but answers false instead of throwing when nothing listens yet. */
    boolean ready(String url, String tool) throws InterruptedException {
        try {
            return check(url, tool) == null;
        } catch (IOException notYet) {
            return false;
        }
    }

    /**
     * The cold-start poll: one tools/call over a plain socket to 127.0.0.1:{@code port} with
     * {@code Connection: close}, checked like {@link #check}. A refused connection costs a few microseconds, far
     * less than an HttpClient attempt, so polling every millisecond takes no CPU from the server that is starting.
     */
    boolean readyRaw(int port, String tool) {
        byte[] body = Fixtures.callBody(tool).getBytes(StandardCharsets.UTF_8);
        String head = "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                + "Accept: application/json, text/event-stream\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        byte[] response;
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            response = socket.getInputStream().readAllBytes();
        } catch (IOException notYet) {
            return false;
        }
        int end = indexOf(response, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        if (end < 0) return false;
        String[] lines = new String(response, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ");
        if (statusLine.length < 2) return false;
        String contentType = "";
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-type:")) contentType = line.substring(13).trim();
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
        }
        byte[] payload = Arrays.copyOfRange(response, end + 4, response.length);
        if (chunked) payload = dechunk(payload);
        return payload != null && problem(Integer.parseInt(statusLine[1]), contentType, payload, tool) == null;
    }

    private static byte[] dechunk(byte[] in) {
        var out = new ByteArrayOutputStream(in.length);
        int i = 0;
        while (true) {
            int lineEnd = indexOf(in, "\r\n".getBytes(StandardCharsets.US_ASCII), i);
            if (lineEnd < 0) return null;
            String size = new String(in, i, lineEnd - i, StandardCharsets.US_ASCII).split(";")[0].trim();
            int n = Integer.parseInt(size, 16);
            i = lineEnd + 2;
            if (n == 0) return out.toByteArray();
            if (i + n > in.length) return null;
            out.write(in, i, n);
            i += n + 2;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) if (haystack[i + k] != needle[k]) continue outer;
            return i;
        }
        return -1;
    }

    String problem(int status, String contentType, byte[] body, String tool) {
        if (status != 200) return "HTTP status " + status + ": " + preview(body);
        if (!contentType.startsWith("application/json")) return "Content-Type " + contentType + " (expected JSON, not an SSE stream)";
        JsonObject message;
        try {
            message = Json.parse(body).asObject();
        } catch (RuntimeException e) {
            return "body is not a JSON object (" + e.getMessage() + "): " + preview(body);
        }
        if (!"2.0".equals(message.optString("jsonrpc")) || !Json.of(1).equals(message.get("id"))) {
            return "not a JSON-RPC answer to id 1: " + preview(body);
        }
        JsonObject result = message.optObject("result");
        if (result == null) return "no result: " + preview(body);
        if (result.get("isError") instanceof JsonBoolean error && error.value()) return "isError is true: " + preview(body);
        if (!(result.get("content") instanceof JsonArray content) || content.size() != 1
                || !(content.get(0) instanceof JsonObject text) || !"text".equals(text.optString("type"))) {
            return "content is not one text block: " + preview(body);
        }
        if (tool.equals("echo")) {
            String expected = "echo: " + Fixtures.ECHO_TEXT;
            return expected.equals(text.optString("text")) ? null : "echo text is not \"" + expected + "\": " + preview(body);
        }
        if (!catalog.equals(result.get("structuredContent"))) return "structuredContent differs from the catalog";
        try {
            return catalog.equals(Json.parse(text.string("text"))) ? null : "the text block is not the catalog's JSON";
        } catch (RuntimeException e) {
            return "the text block is not JSON: " + e.getMessage();
        }
    }

    /** What wrk looks for in each response body; {@link #check} is what makes it meaningful. */
    static String marker(String tool) {
        return tool.equals("echo") ? "\"text\":\"echo: " + Fixtures.ECHO_TEXT + "\"" : "\"structuredContent\":{\"items\":[";
    }

    private static String preview(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
