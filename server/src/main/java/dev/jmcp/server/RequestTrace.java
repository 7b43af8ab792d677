package dev.jmcp.server;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.regex.Pattern;

/**
 * Remembers the trace of the request the current thread is handling, for {@link CloudLogging}. Requests run on their
 * own virtual thread and core's handlers run on it, so a thread-local set around the handler covers what they log.
 *
 * <p>Two headers carry the trace: Google's {@code X-Cloud-Trace-Context: TRACE_ID/SPAN_ID;o=1} (span id in
 * decimal) and W3C {@code traceparent: 00-TRACE_ID-SPAN_ID-FLAGS}. Malformed values are ignored, never an error.
 */
final class RequestTrace extends Handler.Wrapper {
    private static final ThreadLocal<Context> CURRENT = new ThreadLocal<>();
    private static final Pattern CLOUD = Pattern.compile("([0-9a-fA-F]{32})(?:/([0-9]{1,20}))?(?:;o=([01]))?");
    private static final Pattern W3C = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    /** A request's trace; {@code spanId} is 16 hex digits or null, {@code sampled} null when not stated. */
    record Context(String traceId, String spanId, Boolean sampled) {
    }

    RequestTrace(Handler handler) {
        super(handler);
    }

    /** The trace of the request this thread is handling, or null. */
    static Context current() {
        return CURRENT.get();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Context context = parse(request.getHeaders().get("X-Cloud-Trace-Context"), request.getHeaders().get("traceparent"));
        if (context == null) return super.handle(request, response, callback);
        return within(context, () -> super.handle(request, response, callback));
    }

    /** Something that runs with a trace set and may throw what a handler throws. */
    interface Traced<T> {
        T run() throws Exception;
    }

    /** Runs {@code body} with {@code context} as this thread's trace, then restores what was there. */
    static <T> T within(Context context, Traced<T> body) throws Exception {
        Context outer = CURRENT.get();
        CURRENT.set(context);
        try {
            return body.run();
        } finally {
            if (outer == null) CURRENT.remove();
            else CURRENT.set(outer);
        }
    }

    static Context parse(String cloudTraceContext, String traceparent) {
        if (cloudTraceContext != null) {
            var m = CLOUD.matcher(cloudTraceContext.trim());
            if (m.matches()) {
                String span = null;
                if (m.group(2) != null) {
                    try {
                        span = String.format("%016x", Long.parseUnsignedLong(m.group(2)));
                    } catch (NumberFormatException tooBig) {
                        span = null;
                    }
                }
                Boolean sampled = m.group(3) == null ? null : m.group(3).equals("1");
                return new Context(m.group(1).toLowerCase(java.util.Locale.ROOT), span, sampled);
            }
        }
        if (traceparent != null) {
            var m = W3C.matcher(traceparent.trim());
            if (m.matches()) {
                return new Context(m.group(1), m.group(2), (Integer.parseInt(m.group(3), 16) & 1) == 1);
            }
        }
        return null;
    }
}
