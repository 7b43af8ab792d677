package dev.jmcp.lambda;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A client of the Lambda Runtime API (version 2018-06-01) over one kept-alive HTTP/1.1 connection on a plain socket.
 * Not {@code java.net.http}: that client loads several hundred classes and starts threads before its first request,
 * which a cold start pays for; this needs {@code java.base} sockets only. The Runtime API is a local, trusted,
 * well-behaved HTTP/1.1 server, so the subset is small: requests with a length or chunked bodies, responses with a
 * length or chunked bodies.
 */
final class RuntimeApiClient implements AutoCloseable {
    static final String PREFIX = "/2018-06-01/runtime";

    /** One invocation from {@code /next}. */
    record Invocation(String requestId, long deadlineMillis, String traceId, byte[] event) {
    }

    /** A response whose status and headers have been read. */
    record Response(int status, Map<String, String> headers, byte[] body) {
    }

    private final String host;
    private final int port;
    private final String pathPrefix;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** @param api {@code AWS_LAMBDA_RUNTIME_API}: {@code host:port}, optionally followed by a path prefix */
    RuntimeApiClient(String api) {
        if (api == null || api.isBlank()) throw new IllegalStateException("AWS_LAMBDA_RUNTIME_API is not set; this runs as a Lambda custom runtime");
        String hostPort = api.trim();
        String prefix = "";
        int slash = hostPort.indexOf('/');
        if (slash >= 0) {
            prefix = hostPort.substring(slash).replaceAll("/+$", "");
            hostPort = hostPort.substring(0, slash);
        }
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) throw new IllegalStateException("AWS_LAMBDA_RUNTIME_API must be host:port, got \"" + api + "\"");
        this.host = hostPort.substring(0, colon);
        try {
            this.port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("AWS_LAMBDA_RUNTIME_API must be host:port, got \"" + api + "\"");
        }
        this.pathPrefix = prefix + PREFIX;
    }

    /** Waits for the next invocation (a long poll). */
    Invocation next() throws IOException {
        Response r = exchange("GET", "/invocation/next", Map.of(), null);
        if (r.status != 200) throw new IOException("GET /runtime/invocation/next answered " + r.status + ": " + text(r.body));
        String id = r.headers.get("lambda-runtime-aws-request-id");
        if (id == null) throw new IOException("GET /runtime/invocation/next answered without Lambda-Runtime-Aws-Request-Id");
        String deadline = r.headers.get("lambda-runtime-deadline-ms");
        long deadlineMillis;
        try {
            deadlineMillis = deadline == null ? 0 : Long.parseLong(deadline.trim());
        } catch (NumberFormatException e) {
            deadlineMillis = 0;
        }
        return new Invocation(id, deadlineMillis, r.headers.get("lambda-runtime-trace-id"), r.body);
    }

    void respond(String requestId, byte[] body) throws IOException {
        expectAccepted(exchange("POST", "/invocation/" + requestId + "/response", Map.of("Content-Type", "application/json"), body), "response");
    }

    void error(String requestId, String errorType, byte[] errorJson) throws IOException {
        expectAccepted(exchange("POST", "/invocation/" + requestId + "/error",
                Map.of("Content-Type", "application/json", "Lambda-Runtime-Function-Error-Type", errorType), errorJson), "error");
    }

    void initError(String errorType, byte[] errorJson) throws IOException {
        exchange("POST", "/init/error", Map.of("Content-Type", "application/json", "Lambda-Runtime-Function-Error-Type", errorType), errorJson);
    }

    /** A streamed response body: chunks go out (and are flushed) as they are written; {@link #finish} ends it. */
    final class Stream {
        private boolean ended;

        void write(byte[] bytes) throws IOException {
            if (bytes.length == 0) return;
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write(CRLF);
            out.flush();
        }

        /** Ends the body; with an error type, reports a mid-stream failure in the trailers, as Lambda reads it. */
        void finish(String errorType, byte[] errorJson) throws IOException {
            if (ended) return;
            ended = true;
            var tail = new StringBuilder("0\r\n");
            if (errorType != null) {
                tail.append("Lambda-Runtime-Function-Error-Type: ").append(errorType).append("\r\n")
                        .append("Lambda-Runtime-Function-Error-Body: ").append(java.util.Base64.getEncoder().encodeToString(errorJson)).append("\r\n");
            }
            tail.append("\r\n");
            out.write(tail.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            expectAccepted(readResponse(), "streamed response");
        }
    }

    /** Starts a streamed response ({@code Lambda-Runtime-Function-Response-Mode: streaming}, chunked). */
    Stream stream(String requestId, String contentType) throws IOException {
        connect();
        var head = new StringBuilder()
                .append("POST ").append(pathPrefix).append("/invocation/").append(requestId).append("/response HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("Lambda-Runtime-Function-Response-Mode: streaming\r\n")
                .append("Transfer-Encoding: chunked\r\n")
                .append("Trailer: Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return new Stream();
    }

    private static void expectAccepted(Response r, String what) throws IOException {
        if (r.status / 100 != 2) throw new IOException("the Runtime API refused the " + what + " with " + r.status + ": " + text(r.body));
    }

    private Response exchange(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
        for (int attempt = 0; ; attempt++) {
            connect();
            try {
                var head = new StringBuilder()
                        .append(method).append(' ').append(pathPrefix).append(path).append(" HTTP/1.1\r\n")
                        .append("Host: ").append(host).append(':').append(port).append("\r\n");
                for (var h : headers.entrySet()) head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
                if (body != null) head.append("Content-Length: ").append(body.length).append("\r\n");
                head.append("\r\n");
                out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
                if (body != null) out.write(body);
                out.flush();
                return readResponse();
            } catch (IOException e) {
                close();
                // A kept-alive connection the server closed meanwhile fails at once: one fresh connection is tried.
                if (attempt > 0) throw e;
            }
        }
    }

    private void connect() throws IOException {
        if (socket != null) return;
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 10_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
    }

    private Response readResponse() throws IOException {
        String status = line();
        if (!status.startsWith("HTTP/1.") || status.length() < 12) throw new IOException("not an HTTP response: " + status);
        int code = Integer.parseInt(status.substring(9, 12));
        var headers = new LinkedHashMap<String, String>();
        for (String line; !(line = line()).isEmpty(); ) {
            int colon = line.indexOf(':');
            if (colon > 0) headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            var buffer = new ByteArrayOutputStream();
            while (true) {
                String size = line();
                int semi = size.indexOf(';');
                int n = Integer.parseInt((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
                if (n == 0) {
                    while (!line().isEmpty()) { }   // trailers
                    break;
                }
                buffer.write(in.readNBytes(n));
                line();
            }
            body = buffer.toByteArray();
        } else {
            String length = headers.get("content-length");
            body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length.trim()));
        }
        if ("close".equalsIgnoreCase(headers.get("connection"))) close();
        return new Response(code, headers, body);
    }

    private String line() throws IOException {
        var line = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) throw new IOException("the Runtime API closed the connection");
            if (c != '\r') line.append((char) c);
        }
        return line.toString();
    }

    private static String text(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private static final byte[] CRLF = {'\r', '\n'};

    @Override
    public void close() {
        if (socket == null) return;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
        socket = null;
        in = null;
        out = null;
    }
}
