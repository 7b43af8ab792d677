package dev.jmcp.server;

import dev.jmcp.Arg;
import dev.jmcp.McpServer;
import dev.jmcp.ToolResult;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and malformed requests over real HTTP, one test each: every one gets a specific status and JSON-RPC
 * error, never a 500 or a stack trace, and the server keeps serving afterwards.
 */
class BadInputTest {
    static final Arg<Integer> COUNT = Arg.integer("count").range(1, 10);
    static McpHttpServer http;
    static String session;

    @BeforeAll
    static void start() throws IOException {
        McpServer server = McpServer.create("bad-input", "1", mcp -> mcp
                .tool("count", t -> t.description("Counts").args(COUNT).handle(call -> ToolResult.text("n=" + call.get(COUNT)))));
        http = McpHttpServer.builder(server).port(0).build().start();
        var init = send("POST", json("""
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"""));
        session = init.header("mcp-session-id");
        assertThat(session).isNotNull();
    }

    @AfterAll
    static void stop() {
        http.stop();
    }

    @Test
    void invalidJsonIsAParseError() throws IOException {
        assertError(send("POST", json("{\"jsonrpc\":\"2.0\",\"id\":1,"), session), 400, -32700, "Parse error");
    }

    @Test
    void validJsonThatIsNotJsonRpcIsAnInvalidRequest() throws IOException {
        assertError(send("POST", json("{\"hello\":\"world\"}"), session), 400, -32600, "jsonrpc");
        assertError(send("POST", json("{\"jsonrpc\":\"2.0\",\"id\":1}"), session), 400, -32600, "method");
        assertError(send("POST", json("42"), session), 400, -32600, "object");
        assertError(send("POST", json("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}"), session), 400, -32600, "jsonrpc");
    }

    @Test
    void aBatchArrayIsRefused() throws IOException {
        assertError(send("POST", json("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]"), session), 400, -32600, "batch");
    }

    @Test
    void anUnknownMethodIsMethodNotFound() throws IOException {
        assertError(send("POST", json("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"no/such\"}"), session), 200, -32601, "no/such");
    }

    @Test
    void wrongParamTypesAreInvalidParams() throws IOException {
        assertError(send("POST", json("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":7}}"), session),
                200, -32602, "name");
        assertError(send("POST", json("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":\"x\"}"), session),
                400, -32600, "params");
        var wrongArg = send("POST", json("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"count\",\"arguments\":{\"count\":\"ten\"}}}"), session);
        assertThat(wrongArg.status).isEqualTo(200);
        JsonObject result = wrongArg.json().object("result");
        assertThat(result.bool("isError")).as("argument errors are tool errors the model can fix (SEP-1303)").isTrue();
        assertThat(result.array("content").get(0).asObject().string("text")).contains("count").contains("whole number").contains("ten");
    }

    @Test
    void aTenMegabyteBodyIsTooLarge() throws IOException {
        var big = new byte[10 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        big[0] = '[';
        big[big.length - 1] = ']';
        var response = send("POST", big, session);
        assertThat(response.status).isEqualTo(413);
        assertServerAlive();
    }

    @Test
    void aBodyOverTheLimitOnAKeepAliveConnectionIsAnswered413AndTheConnectionSaysItCloses() throws IOException {
        // Only the first 5 MiB of a declared 10 MiB arrive: the server stops reading at its 4 MiB limit and
        // cannot reach a next request on this connection, so it must say the connection ends.
        try (var socket = new Socket("127.0.0.1", http.port())) {
            socket.setSoTimeout(20_000);
            String head = "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + http.port() + "\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json, text/event-stream\r\nMcp-Session-Id: " + session + "\r\n"
                    + "Content-Length: " + (10 * 1024 * 1024) + "\r\n\r\n";
            var part = new byte[5 * 1024 * 1024];
            Arrays.fill(part, (byte) ' ');
            part[0] = '[';
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(part);
            socket.getOutputStream().flush();
            var response = parse(readAll(socket.getInputStream()));
            assertThat(response.status).isEqualTo(413);
            assertThat(response.header("connection")).isEqualTo("close");
        }
        assertServerAlive();
    }

    @Test
    void hundredThousandDeepNestingIsAParseErrorNotACrash() throws IOException {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertError(send("POST", json(deep), session), 400, -32700, "depth");
        String deepObject = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
        assertError(send("POST", json(deepObject), session), 400, -32700, "depth");
        assertServerAlive();
    }

    @Test
    void invalidUtf8IsAParseError() throws IOException {
        byte[] body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":\"\u0000\"}}".getBytes(StandardCharsets.UTF_8);
        int at = new String(body, StandardCharsets.ISO_8859_1).indexOf('\u0000');
        body[at] = (byte) 0xC0; // an overlong-encoding lead byte: never valid UTF-8
        assertError(send("POST", body, session), 400, -32700, "UTF-8");
    }

    @Test
    void aMissingOrWrongAcceptIsNotAcceptable() throws IOException {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        assertError(send("POST", json(ping), session, "Accept: application/json"), 406, -32000, "text/event-stream");
        assertError(send("POST", json(ping), session, "Accept: "), 406, -32000, "Accept");
    }

    @Test
    void aWrongContentTypeIsUnsupported() throws IOException {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        assertError(send("POST", json(ping), session, "Content-Type: text/plain"), 415, -32000, "application/json");
    }

    @Test
    void missingUnknownAndTerminatedSessionsAreRefused() throws IOException {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        assertError(send("POST", json(ping), null), 400, -32000, "Mcp-Session-Id");
        assertError(send("POST", json(ping), "not-a-session"), 404, -32001, "Session not found");
        var init = send("POST", json("""
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"""));
        String doomed = init.header("mcp-session-id");
        assertThat(send("DELETE", new byte[0], doomed).status).isEqualTo(200);
        assertError(send("POST", json(ping), doomed), 404, -32001, "Session not found");
    }

    @Test
    void anUnsupportedProtocolVersionHeaderIsABadRequest() throws IOException {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        assertError(send("POST", json(ping), session, "MCP-Protocol-Version: 1999-01-01"), 400, -32000, "1999-01-01");
    }

    @Test
    void aHostileHostOrOriginIsForbidden() throws IOException {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        assertError(send("POST", json(ping), session, "Host: evil.example.com"), 403, -32000, "evil.example.com");
        assertError(send("POST", json(ping), session, "Origin: http://evil.example.com"), 403, -32000, "evil.example.com");
        assertThat(send("POST", json(ping), session, "Origin: http://127.0.0.1:" + http.port()).status).isEqualTo(200);
    }

    @Test
    void unsupportedHttpMethodsAreNotAllowed() throws IOException {
        var put = send("PUT", json("{}"), session);
        assertThat(put.status).isEqualTo(405);
        assertThat(put.header("allow")).contains("POST");
    }

    // ---- a raw HTTP/1.1 client, so that every header and byte is ours to choose -------------------------------

    record Response(int status, String head, byte[] body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) return line.substring(colon + 1).trim();
            }
            return null;
        }

        JsonObject json() {
            return Json.parse(body).asObject();
        }
    }

    static void assertError(Response response, int status, int code, String messagePart) {
        String text = new String(response.body, StandardCharsets.UTF_8);
        assertThat(response.status).as(text).isEqualTo(status);
        assertThat(text).doesNotContain("Exception").doesNotContain("\tat ");
        JsonObject error = response.json().object("error");
        assertThat(error.number("code").intValue()).as(text).isEqualTo(code);
        assertThat(error.string("message").toLowerCase(Locale.ROOT)).contains(messagePart.toLowerCase(Locale.ROOT));
    }

    static void assertServerAlive() throws IOException {
        var ping = send("POST", json("{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"ping\"}"), session);
        assertThat(ping.status).isEqualTo(200);
    }

    static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Response send(String method, byte[] body) throws IOException {
        return send(method, body, null);
    }

    /** Sends one request; extra "Name: value" headers replace the defaults of the same name ("Name: " drops it). */
    static Response send(String method, byte[] body, String session, String... extra) throws IOException {
        var headers = new java.util.LinkedHashMap<String, String>();
        headers.put("host", "Host: 127.0.0.1:" + http.port());
        headers.put("content-type", "Content-Type: application/json");
        headers.put("accept", "Accept: application/json, text/event-stream");
        if (session != null) headers.put("mcp-session-id", "Mcp-Session-Id: " + session);
        for (String header : extra) {
            String name = header.substring(0, header.indexOf(':')).toLowerCase(Locale.ROOT);
            if (header.substring(header.indexOf(':') + 1).isBlank()) headers.remove(name); else headers.put(name, header);
        }
        var request = new StringBuilder(method).append(" /mcp HTTP/1.1\r\n");
        for (String header : headers.values()) request.append(header).append("\r\n");
        request.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        try (var socket = new Socket("127.0.0.1", http.port())) {
            socket.setSoTimeout(20_000);
            var out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // the server may answer 413 and close before reading a large body; read what it said
            }
            return parse(readAll(socket.getInputStream()));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        var buffer = new ByteArrayOutputStream();
        try {
            in.transferTo(buffer);
        } catch (IOException e) {
            if (buffer.size() == 0) throw e;
        }
        return buffer.toByteArray();
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = text.substring(0, end);
        int status = Integer.parseInt(head.substring(9, 12));
        byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
        String te = new Response(status, head, body).header("transfer-encoding");
        if (te != null && te.equalsIgnoreCase("chunked")) body = dechunk(body);
        return new Response(status, head, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        var out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, at);
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).trim().split(";")[0], 16);
            if (size == 0) break;
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, int from) {
        for (int i = from; i + 1 < data.length; i++) if (data[i] == '\r' && data[i + 1] == '\n') return i;
        return data.length;
    }
}
