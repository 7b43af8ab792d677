package dev.jmcp.server;

import dev.jmcp.http.Headers;
import dev.jmcp.http.HttpRequest;
import dev.jmcp.http.HttpResponse;
import dev.jmcp.http.McpEndpoint;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * Serves an {@link McpEndpoint} from Jetty 12's core handler API. It only translates: Jetty request to
 * {@link HttpRequest}, {@link McpEndpoint#handle}, {@link HttpResponse} back to Jetty. Every status decision is core's.
 *
 * <pre>{@code
 * var endpoint = McpEndpoint.of(server, EndpointOptions.defaults(), JvmEnv.INSTANCE);
 * jetty.setHandler(new JettyMcpHandler(endpoint));            // inside your own Jetty server
 * }</pre>
 *
 * <p>It blocks: on reading the body, on tool handlers that core runs in {@code handle} and {@code pump}, and while an
 * event stream waits. So it keeps Jetty's default {@code BLOCKING} invocation type, which stops Jetty from calling it
 * on a selector thread; give Jetty a virtual-thread executor (as {@link McpHttpServer} does) so that a waiting
 * stream costs no platform thread.
 */
public final class JettyMcpHandler extends Handler.Abstract {
    static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(15);
    static final Duration DEFAULT_STREAM_IDLE_TIMEOUT = Duration.ofMinutes(5);

    private final McpEndpoint endpoint;
    private final Duration keepAliveInterval;
    private final Duration streamIdleTimeout;
    private final Set<EventPump> streams = ConcurrentHashMap.newKeySet();

    public JettyMcpHandler(McpEndpoint endpoint) {
        this(endpoint, DEFAULT_KEEP_ALIVE, DEFAULT_STREAM_IDLE_TIMEOUT);
    }

    /**
     * @param keepAliveInterval how long a waiting event stream stays silent before an SSE comment is sent
     * @param streamIdleTimeout how long an event stream may wait for core without progress before it is cancelled
     */
    public JettyMcpHandler(McpEndpoint endpoint, Duration keepAliveInterval, Duration streamIdleTimeout) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.keepAliveInterval = positive(keepAliveInterval, "keepAliveInterval");
        this.streamIdleTimeout = positive(streamIdleTimeout, "streamIdleTimeout");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (!path.equals(endpoint.path())) return false;
        byte[] body = readAtMost(request, endpoint.maxBodyBytes() + 1);
        if (body.length > endpoint.maxBodyBytes()) UnreadBody.discardOrClose(request, response);
        var answer = endpoint.handle(new HttpRequest(request.getMethod(), path, headersOf(request), body));
        // instanceof, not a pattern switch: this runs in every cold start (core/README.md, "Cold start")
        if (answer instanceof HttpResponse.Full full) {
            writeFull(full, response, callback);
        } else {
            stream((HttpResponse.Events) answer, request, response, callback);
        }
        return true;
    }

    /** Number of event streams open right now; for tests and diagnostics. */
    int openStreams() {
        return streams.size();
    }

    /** Cancels every open event stream; their responses end. Used when the drain time is over. */
    void closeStreams() {
        streams.forEach(EventPump::close);
    }

    @Override
    protected void doStop() throws Exception {
        closeStreams();
        super.doStop();
    }

    /**
     * Reads the body but never more than {@code limit} bytes, so a huge or endless body costs at most limit bytes of
     * memory. A body cut at limit is still passed on: core sees it is over {@code maxBodyBytes} and answers 413.
     * The unread rest is Jetty's to discard; see {@link UnreadBody}.
     */
    static byte[] readAtMost(Content.Source source, int limit) throws IOException {
        long declared = source.getLength();
        var out = new ByteArrayOutputStream(declared > 0 ? (int) Math.min(declared, limit) : 256);
        while (out.size() < limit) {
            Content.Chunk chunk = source.read();
            if (chunk == null) {
                try (Blocker.Runnable demand = Blocker.runnable()) {
                    source.demand(demand);
                    demand.block();
                }
                continue;
            }
            try {
                if (Content.Chunk.isFailure(chunk)) throw new IOException("Reading the request body failed", chunk.getFailure());
                ByteBuffer buffer = chunk.getByteBuffer();
                var bytes = new byte[Math.min(buffer.remaining(), limit - out.size())];
                buffer.get(bytes);
                out.writeBytes(bytes);
                if (chunk.isLast()) break;
            } finally {
                chunk.release();
            }
        }
        return out.toByteArray();
    }

    private static Headers headersOf(Request request) {
        var headers = Headers.builder();
        for (HttpField field : request.getHeaders()) headers.add(field.getName(), field.getValue());
        return headers.build();
    }

    private static void writeFull(HttpResponse.Full full, Response response, Callback callback) {
        response.setStatus(full.status());
        HttpFields.Mutable headers = copyHeaders(full.headers(), response);
        headers.put(HttpHeader.CONTENT_LENGTH, full.body().length);
        response.write(true, ByteBuffer.wrap(full.body()), callback);
    }

    /**
     * Runs on this request's thread until the stream ends. Headers go out at once (clients wait for them before they
     * treat a GET stream as open); each event is flushed as it comes.
     */
    private void stream(HttpResponse.Events events, Request request, Response response, Callback callback) {
        response.setStatus(events.status());
        copyHeaders(events.headers(), response); // core sets the content type and the no-buffering hints
        var pump = new EventPump(keepAliveInterval, streamIdleTimeout);
        streams.add(pump);
        // Jetty reports some broken connections here (HTTP/1.1 only notices on a write). Idle timeouts arrive here too
        // without failing the request; they are ignored, or the 1 s shutdown idle timeout would cut the drain short.
        request.addFailureListener(failure -> {
            if (!(failure instanceof TimeoutException)) pump.close();
        });
        try {
            writeNow(response, new byte[0]);
            pump.drive(events.events(), bytes -> writeNow(response, bytes));
        } catch (IOException gone) {
            // the client left before the headers went out: the stream was never driven, so end it here
            events.events().cancel();
        } finally {
            streams.remove(pump);
        }
        response.write(true, ByteBuffer.allocate(0), callback);
    }

    /** Writes and flushes one chunk, returning when the client's socket took it. */
    private static void writeNow(Response response, byte[] bytes) throws IOException {
        try (Blocker.Callback written = Blocker.callback()) {
            response.write(false, ByteBuffer.wrap(bytes), written);
            written.block();
        }
    }

    private static HttpFields.Mutable copyHeaders(Headers from, Response response) {
        HttpFields.Mutable to = response.getHeaders();
        for (Headers.Field field : from.fields()) to.add(field.name(), field.value());
        return to;
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) throw new IllegalArgumentException(name + " must be positive, got " + value);
        return value;
    }
}
