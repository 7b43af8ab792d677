package dev.jmcp.lambda;

import dev.jmcp.McpServer;
import dev.jmcp.http.EndpointOptions;
import dev.jmcp.http.Env;
import dev.jmcp.http.EventSink;
import dev.jmcp.http.EventStream;
import dev.jmcp.http.Headers;
import dev.jmcp.http.HttpResponse;
import dev.jmcp.http.McpEndpoint;
import dev.jmcp.http.EnvironmentOptions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;

/**
 * Core's {@link McpEndpoint} behind Lambda HTTP events: an event in, a response event out. One per instance; Lambda
 * hands an instance one event at a time, so nothing here is shared between concurrent calls.
 *
 * <pre>{@code
 * var endpoint = LambdaEndpoint.of(server, LambdaEndpoint.options(System.getenv()).build(), JvmEnv.INSTANCE);
 * byte[] response = endpoint.invoke(eventBytes, deadlineMillis);
 * }</pre>
 *
 * <p>An SSE answer ({@link HttpResponse.Events}) is pumped to its end and returned as one buffered body
 * ({@link #invoke}), or written out as it happens ({@link #stream}) where the runtime can stream the response.
 * Core has no threads: when a pump finds nothing ready, this waits for core's wake-up, at most until the
 * invocation's deadline, then cancels the stream.
 */
public final class LambdaEndpoint {
    private final McpEndpoint endpoint;

    private LambdaEndpoint(McpEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    public static LambdaEndpoint of(McpServer server, EndpointOptions options, Env env) {
        return new LambdaEndpoint(McpEndpoint.of(server, options, env));
    }

    /**
     * The endpoint settings for Lambda: stateless (sessions cannot live in an instance that Lambda may freeze, clone
     * or drop), {@code /mcp}, any host unless {@code JMCP_ALLOWED_HOSTS} lists them (the Function URL or API
     * Gateway fixes the host, so DNS rebinding cannot reach a function), plus {@code JMCP_REQUEST_STATE_KEY} and
     * {@code JMCP_ONLY_2026} (see {@link EnvironmentOptions}).
     */
    public static EndpointOptions.Builder options(Map<String, String> environment) {
        var options = EndpointOptions.builder().mode(EndpointOptions.Mode.STATELESS);
        var hosts = new ArrayList<String>();
        String listed = environment.get("JMCP_ALLOWED_HOSTS");
        if (listed != null) for (String h : listed.split(",")) if (!h.isBlank()) hosts.add(h.strip().toLowerCase(Locale.ROOT));
        if (hosts.isEmpty()) options.allowAnyHost();
        else options.allowedHosts(hosts);
        String sessions = environment.get("JMCP_SESSIONS");
        if (sessions != null && !sessions.isBlank() && !sessions.trim().equalsIgnoreCase("stateless")) {
            throw new IllegalArgumentException("JMCP_SESSIONS must be stateless on AWS Lambda (an instance serves one request "
                    + "and may be frozen or dropped at any time), got \"" + sessions + "\"");
        }
        return EnvironmentOptions.apply(options, environment);
    }

    public McpEndpoint endpoint() {
        return endpoint;
    }

    /** Serves one event and answers the whole response event. A bad event is an {@link InvalidEventException}. */
    public byte[] invoke(byte[] event, long deadlineMillis) {
        HttpEvent http = HttpEvent.parse(event);
        HttpResponse response = endpoint.handle(http.request());
        // instanceof, not a pattern switch: this runs in every cold start (core/README.md, "Cold start")
        if (response instanceof HttpResponse.Full full) {
            return ResponseEvent.format(http, full.status(), full.headers(), full.body());
        }
        var events = (HttpResponse.Events) response;
        var body = new ByteArrayOutputStream();
        drain(events.events(), chunk -> body.write(chunk, 0, chunk.length), deadlineMillis);
        return ResponseEvent.format(http, events.status(), events.headers(), body.toByteArray());
    }

    /** Where {@link #stream} writes a response as it happens. */
    public interface ResponseStream {
        /** Called once, before any body bytes. */
        void start(int status, Headers headers) throws IOException;

        /** Writes and flushes one piece of the body. */
        void write(byte[] bytes) throws IOException;
    }

    /**
     * Serves one event, writing the response to {@code out} as it is produced: an event stream's progress and log
     * notifications go out while the handler still works.
     */
    public void stream(byte[] event, ResponseStream out, long deadlineMillis) throws IOException {
        HttpEvent http = HttpEvent.parse(event);
        HttpResponse response = endpoint.handle(http.request());
        out.start(response.status(), response.headers());
        // instanceof, not a pattern switch: this runs in every cold start (core/README.md, "Cold start")
        if (response instanceof HttpResponse.Full full) {
            if (full.body().length > 0) out.write(full.body());
            return;
        }
        try {
            drain(((HttpResponse.Events) response).events(), out::write, deadlineMillis);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @FunctionalInterface
    private interface Chunks {
        void write(byte[] chunk) throws IOException;
    }

    /** Pumps until the stream ends or the deadline passes (then cancels it). A failed write cancels it too. */
    private static void drain(EventStream stream, Chunks out, long deadlineMillis) {
        var waiter = new Waiter();
        stream.onWake(waiter::wake);
        boolean completed = false;
        IOException failed = null;
        try {
            var failure = new IOException[1];
            EventSink sink = text -> {
                if (failure[0] != null) return;
                try {
                    out.write(text.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    failure[0] = e;
                }
            };
            while (true) {
                boolean ended = stream.pump(sink);
                if (failure[0] != null) {
                    failed = failure[0];
                    return;
                }
                if (ended) {
                    completed = true;
                    return;
                }
                if (!waiter.await(deadlineMillis)) return;
            }
        } finally {
            if (!completed) stream.cancel();
            if (failed != null) throw new UncheckedIOException(failed);
        }
    }

    /** Core's wake-up, which may come from another thread (a handler's own executor) or during the pump. */
    private static final class Waiter {
        private boolean woken;

        synchronized void wake() {
            woken = true;
            notifyAll();
        }

        /** False when the deadline passed without a wake-up. */
        synchronized boolean await(long deadlineMillis) {
            try {
                while (!woken) {
                    long left = deadlineMillis - System.currentTimeMillis();
                    if (left <= 0) return false;
                    wait(left);
                }
                woken = false;
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
