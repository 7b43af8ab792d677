package dev.jmcp.server;

import dev.jmcp.json.JsonObject;
import dev.jmcp.json.JsonWriter;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Logs as Cloud Logging reads them from a container's stdout: one JSON object per line with {@code severity},
 * {@code message}, {@code time}, and, for what is logged while a request runs, the request's trace
 * ({@code logging.googleapis.com/trace}, {@code spanId}, {@code trace_sampled}), so the entries group under the
 * request in the console.
 *
 * <pre>{@code
 * CloudLogging.install(System.getenv("GOOGLE_CLOUD_PROJECT"));   // before anything logs
 * }</pre>
 *
 * <p>It replaces {@code java.util.logging}'s handlers, which is where {@link System.Logger} (and so jmcp) logs
 * unless the application brought another backend. The trace comes from the request's {@code X-Cloud-Trace-Context}
 * or W3C {@code traceparent} header; {@link McpHttpServer} records it for the thread that handles the request.
 * Cloud Logging links an entry to its trace only as {@code projects/PROJECT/traces/ID}: without a project id the
 * bare trace id is logged, which still lets you search by it.
 */
public final class CloudLogging {
    private static final String TRACE = "logging.googleapis.com/trace";
    private static final String SPAN = "logging.googleapis.com/spanId";
    private static final String SAMPLED = "logging.googleapis.com/trace_sampled";

    private CloudLogging() {
    }

    /**
     * Sends every {@code java.util.logging} record at INFO and above to stdout as a JSON line.
     *
     * @param projectId the Google Cloud project that owns the traces, or null when unknown
     */
    public static void install(String projectId) {
        install(projectId, System.out);
    }

    static void install(String projectId, PrintStream out) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        root.addHandler(new JsonLineHandler(new JsonLineFormatter(projectId), out));
    }

    /** The Cloud Logging severity for a {@code java.util.logging} level. */
    static String severity(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) return "ERROR";
        if (value >= Level.WARNING.intValue()) return "WARNING";
        if (value >= Level.INFO.intValue()) return "INFO";
        return "DEBUG";
    }

    /** Formats one record as one line of JSON (newlines in the message and stack trace are escaped). */
    static final class JsonLineFormatter extends Formatter {
        private final String projectId;

        JsonLineFormatter(String projectId) {
            this.projectId = projectId == null || projectId.isBlank() ? null : projectId.trim();
        }

        @Override
        public String format(LogRecord record) {
            String message = formatMessage(record);
            if (record.getThrown() != null) {
                var trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                message = message + "\n" + trace;
            }
            var entry = JsonObject.builder()
                    .put("severity", severity(record.getLevel()))
                    .put("message", message)
                    .put("time", Instant.ofEpochMilli(record.getMillis()).toString())
                    .put("logger", record.getLoggerName());
            RequestTrace.Context context = RequestTrace.current();
            if (context != null) {
                entry.put(TRACE, projectId == null ? context.traceId() : "projects/" + projectId + "/traces/" + context.traceId());
                entry.put(SPAN, context.spanId());
                entry.putIfSet(SAMPLED, context.sampled());
            }
            return JsonWriter.write(entry.build()) + "\n";
        }
    }

    /** Writes whole lines and flushes each, so concurrent records never interleave and nothing waits in a buffer. */
    private static final class JsonLineHandler extends Handler {
        private final PrintStream out;

        JsonLineHandler(Formatter formatter, PrintStream out) {
            this.out = Objects.requireNonNull(out, "out");
            setFormatter(formatter);
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            if (!isLoggable(record)) return;
            byte[] line = getFormatter().format(record).getBytes(StandardCharsets.UTF_8);
            synchronized (out) {
                out.write(line, 0, line.length);
                out.flush();
            }
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
