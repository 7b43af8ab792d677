package dev.jmcp.lambda;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The workload that trains the custom runtime's AOT cache: the real {@link RuntimeMain} loop against a loopback
 * Runtime API that hands out the {@link Priming} events (buffered and streamed) and a malformed event (the error
 * path), so the classes of a real invocation are loaded, linked and profiled. No tool is called.
 */
final class Training {
    static final int ROUNDS = 25;

    private Training() {
    }

    static void run(Map<String, String> env) throws Exception {
        var events = new ArrayList<byte[]>();
        for (int i = 0; i < ROUNDS; i++) {
            events.addAll(Priming.events());
            events.add("{\"not\":\"an http event\"}".getBytes(StandardCharsets.UTF_8));
        }
        try (var api = new LoopbackRuntimeApi(events)) {
            var trainingEnv = new HashMap<>(env);
            trainingEnv.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + api.port());
            trainingEnv.remove(LambdaPlatform.DATABASE_URL);   // training must never touch a real database
            int half = events.size() / 2;
            trainingEnv.put(RuntimeMain.STREAMING_ENV, "false");
            RuntimeMain.serve(trainingEnv, half);
            trainingEnv.put(RuntimeMain.STREAMING_ENV, "true");
            RuntimeMain.serve(trainingEnv, events.size() - half);
            System.err.println("jmcp: AOT training done: " + api.answered() + " of " + events.size() + " invocations answered");
        }
    }

    /**
     * A minimal Runtime API on a loopback port for training: {@code /next} hands out the events in order, responses
     * and errors are read and counted. One connection at a time, as the runtime uses it.
     */
    static final class LoopbackRuntimeApi implements AutoCloseable {
        private final ServerSocket server;
        private final List<byte[]> events;
        private final Thread thread;
        private int next;
        private volatile int answered;
        private volatile long firstNextNanos;
        private volatile long firstAnswerNanos;
        private final List<Posted> posted = java.util.Collections.synchronizedList(new ArrayList<>());

        /** What the runtime posted: the request line, its headers (lower-case names) and its body (de-chunked). */
        record Posted(String requestLine, Map<String, String> headers, byte[] body) {
        }

        LoopbackRuntimeApi(List<byte[]> events) throws IOException {
            this.server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
            this.events = events;
            this.thread = new Thread(this::acceptLoop, "jmcp-training-runtime-api");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int answered() {
            return answered;
        }

        /** {@link System#nanoTime} when the first {@code /next} arrived (the runtime finished init), or 0. */
        long firstNextNanos() {
            return firstNextNanos;
        }

        /** {@link System#nanoTime} when the first answer (response or error) had been read, or 0. */
        long firstAnswerNanos() {
            return firstAnswerNanos;
        }

        List<Posted> posted() {
            return List.copyOf(posted);
        }

        /** A thread per connection: a client may open a new one while an old one idles (AWS's RIC does). */
        private void acceptLoop() {
            while (!server.isClosed()) {
                Socket accepted;
                try {
                    accepted = server.accept();
                } catch (IOException closed) {
                    return;   // training is over
                }
                var connection = new Thread(() -> {
                    try (Socket socket = accepted) {
                        serve(new BufferedInputStream(socket.getInputStream()), socket.getOutputStream());
                    } catch (IOException gone) {
                        // the runtime closed it
                    }
                }, "jmcp-training-runtime-api-connection");
                connection.setDaemon(true);
                connection.start();
            }
        }

        private void serve(InputStream in, OutputStream out) throws IOException {
            while (true) {
                String request = line(in);
                if (request == null) return;
                var headers = new HashMap<String, String>();
                for (String h; !(h = line(in)).isEmpty(); ) {
                    int colon = h.indexOf(':');
                    if (colon > 0) headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
                }
                byte[] body = readBody(in, headers);
                if (request.startsWith("GET ") && request.contains("/invocation/next")) {
                    if (firstNextNanos == 0) firstNextNanos = System.nanoTime();
                    int index = take();
                    if (index < 0) return;   // no more work: the runtime's next /next fails, as a shutdown would
                    byte[] event = events.get(index);
                    String id = "training-" + index;
                    write(out, 200, "Lambda-Runtime-Aws-Request-Id: " + id + "\r\nLambda-Runtime-Deadline-Ms: "
                            + (System.currentTimeMillis() + 60_000) + "\r\nLambda-Runtime-Invoked-Function-Arn: "
                            + "arn:aws:lambda:us-east-1:000000000000:function:jmcp-training\r\nLambda-Runtime-Trace-Id: "
                            + "Root=1-00000000-000000000000000000000000;Sampled=0\r\n", event);
                } else {
                    recordAnswer(new Posted(request, headers, body));
                    write(out, 202, "", "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8));
                }
            }
        }

        /** The body; trailers of a chunked body are added to {@code headers}. */
        private synchronized void recordAnswer(Posted answer) {
            if (firstAnswerNanos == 0) firstAnswerNanos = System.nanoTime();
            posted.add(answer);
            answered++;
        }

        private synchronized int take() {
            return next < events.size() ? next++ : -1;
        }

        private static byte[] readBody(InputStream in, Map<String, String> headers) throws IOException {
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                var sink = new ByteArrayOutputStream();
                while (true) {
                    int n = Integer.parseInt(line(in).trim(), 16);
                    if (n == 0) {
                        for (String t; !(t = line(in)).isEmpty(); ) {
                            int colon = t.indexOf(':');
                            if (colon > 0) headers.put(t.substring(0, colon).trim().toLowerCase(Locale.ROOT), t.substring(colon + 1).trim());
                        }
                        return sink.toByteArray();
                    }
                    sink.write(in.readNBytes(n));
                    line(in);
                }
            }
            String length = headers.get("content-length");
            return length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
        }

        private static void write(OutputStream out, int status, String headers, byte[] body) throws IOException {
            out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\n" + headers + "Content-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        }

        private static String line(InputStream in) throws IOException {
            var line = new StringBuilder();
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) return line.isEmpty() ? null : line.toString();
                if (c != '\r') line.append((char) c);
            }
            return line.toString();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
