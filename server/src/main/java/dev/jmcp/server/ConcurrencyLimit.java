package dev.jmcp.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Back-pressure for the MCP endpoint: at most {@code limit} requests are handled at once; one more is answered
 * {@code 503} with {@code Retry-After} straight away instead of waiting in a queue. Cloud Run sends an instance at most
 * its {@code containerConcurrency} requests (80 by default) and routes the rest to other instances, so with the same
 * number here a 503 only happens when the platform and the server disagree, or locally under a burst.
 *
 * <p>A request counts from the moment it reaches the endpoint until its response is complete, so an open event
 * stream (an SSE response, a GET stream of a stateful session) holds its slot for as long as it is open, exactly as
 * Cloud Run counts it.
 *
 * <p>What can go wrong: the slot must be given back exactly once whatever happens, whether the response completes,
 * fails, the handler declines the request or throws. {@link Slot} guards that with a flag. And it must be given back
 * before the client can see the end of its response: a client that sends its next request as soon as the previous
 * one answered, with {@code limit} in flight, would otherwise sometimes meet a slot not yet released. So the last
 * write of the response releases it, just before the bytes go out.
 */
final class ConcurrencyLimit extends Handler.Wrapper {
    private final int limit;
    private final int retryAfterSeconds;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final byte[] busyBody;

    ConcurrencyLimit(Handler handler, int limit, int retryAfterSeconds) {
        super(handler);
        this.limit = limit;
        this.retryAfterSeconds = retryAfterSeconds;
        this.busyBody = ("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32000,\"message\":\"Server busy: "
                + limit + " requests are in progress, the most this server handles at once. Retry after "
                + retryAfterSeconds + " s.\"}}").getBytes(StandardCharsets.UTF_8);
    }

    /** Requests being handled right now. */
    int inFlight() {
        return inFlight.get();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (inFlight.incrementAndGet() > limit) {
            inFlight.decrementAndGet();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE_503);
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Integer.toString(retryAfterSeconds));
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            UnreadBody.discardOrClose(request, response);
            response.write(true, ByteBuffer.wrap(busyBody), callback);
            return true;
        }
        var slot = new Slot(callback);
        var releasingResponse = new Response.Wrapper(request, response) {
            @Override
            public void write(boolean last, ByteBuffer content, Callback written) {
                if (last) slot.release();
                super.write(last, content, written);
            }
        };
        boolean handled;
        try {
            handled = super.handle(request, releasingResponse, slot);
        } catch (Throwable t) {
            slot.release();   // Jetty fails the original callback, not ours
            throw t;
        }
        if (!handled) slot.release();
        return handled;
    }

    private final class Slot extends Callback.Nested {
        private final AtomicBoolean released = new AtomicBoolean();

        Slot(Callback callback) {
            super(callback);
        }

        void release() {
            if (released.compareAndSet(false, true)) inFlight.decrementAndGet();
        }

        @Override
        public void succeeded() {
            release();
            super.succeeded();
        }

        @Override
        public void failed(Throwable x) {
            release();
            super.failed(x);
        }
    }
}
