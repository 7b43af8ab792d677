package dev.jmcp.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Raw HTTP/1.1 text for wire tests: requests written out in full, responses parsed back (chunked bodies joined). */
final class RawHttp {
    static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25",\
            "capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""";

    private RawHttp() {
    }

    /** A POST with the headers an MCP client sends, closing the connection afterwards. */
    static String post(String path, String host, String body, String... extraHeaders) {
        var text = new StringBuilder()
                .append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Accept: application/json, text/event-stream\r\n");
        for (String header : extraHeaders) text.append(header).append("\r\n");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return text.append("Content-Length: ").append(bytes.length).append("\r\n")
                .append("Connection: close\r\n\r\n")
                .append(body).toString();
    }

    static String get(String path, String host) {
        return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
    }

    /** A GET that leaves the connection open for the next request. */
    static String getKeepAlive(String path, String host) {
        return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n";
    }

    /** Sends the request over a fresh socket and reads until the server closes. */
    static Response exchange(int port, String request) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return Response.parse(readAll(socket.getInputStream()));
        }
    }

    /** Reads one response with a Content-Length body from a connection that stays open. */
    static Response readOne(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new IOException("connection closed before a complete response head: " + head);
            head.write(b);
        }
        var parsed = Response.parse(head.toString(StandardCharsets.ISO_8859_1));
        byte[] body = in.readNBytes(Integer.parseInt(parsed.header("Content-Length")));
        return new Response(parsed.status(), parsed.headers(), new String(body, StandardCharsets.UTF_8));
    }

    private static String readAll(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        static Response parse(String text) {
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) throw new IllegalArgumentException("No complete response head in: " + text);
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            var headers = new LinkedHashMap<String, String>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            String body = text.substring(end + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) body = dechunk(body);
            return new Response(status, headers, body);
        }

        private static String dechunk(String chunked) {
            var body = new StringBuilder();
            int at = 0;
            while (at < chunked.length()) {
                int lineEnd = chunked.indexOf("\r\n", at);
                if (lineEnd < 0) break;
                int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
                if (size == 0) break;
                // sizes count bytes; every test body here is ASCII, so chars and bytes agree
                body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
            return body.toString();
        }
    }
}
