package dev.jmcp.http;

import dev.jmcp.LogLevel;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;
import dev.jmcp.json.JsonString;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One 2025-style MCP session: what the client declared at {@code initialize}, its log level and subscriptions, the
 * streams it can resume, and the questions it has not answered yet. Guarded by its own monitor.
 */
public final class Session {
    private static final int MAX_KEPT_STREAMS = 64;

    private final String id;
    private final String protocolVersion;
    private final JsonObject clientCapabilities;
    private volatile LogLevel logLevel;
    private volatile long lastSeenMillis;
    private final Set<String> subscriptions = new HashSet<>();
    private final LinkedHashMap<String, SseStream> streams = new LinkedHashMap<>();
    private final Map<Json, RequestStream> inFlight = new HashMap<>();
    private final Map<Json, Question> questions = new HashMap<>();
    private NotificationStream standalone;
    private long nextStream;
    private long nextQuestion;
    private boolean closed;

    private record Question(RequestStream stream, String key) {
    }

    Session(String id, String protocolVersion, JsonObject clientCapabilities, long nowMillis) {
        this.id = id;
        this.protocolVersion = protocolVersion;
        this.clientCapabilities = clientCapabilities;
        this.lastSeenMillis = nowMillis;
    }

    public String id() {
        return id;
    }

    public String protocolVersion() {
        return protocolVersion;
    }

    public long lastSeenMillis() {
        return lastSeenMillis;
    }

    JsonObject clientCapabilities() {
        return clientCapabilities;
    }

    LogLevel logLevel() {
        return logLevel;
    }

    void logLevel(LogLevel level) {
        this.logLevel = level;
    }

    void touch(long nowMillis) {
        lastSeenMillis = nowMillis;
    }

    synchronized String nextStreamId() {
        return "s" + (++nextStream);
    }

    synchronized void subscribe(String uri) {
        subscriptions.add(uri);
    }

    synchronized void unsubscribe(String uri) {
        subscriptions.remove(uri);
    }

    synchronized boolean subscribed(String uri) {
        return subscriptions.contains(uri);
    }

    /** Keeps a stream for resumption and, for a request, for cancellation by id. */
    synchronized void track(SseStream stream) {
        streams.put(stream.id(), stream);
        if (stream instanceof RequestStream request) inFlight.put(request.requestId(), request);
        if (streams.size() > MAX_KEPT_STREAMS) {
            var oldest = streams.keySet().iterator().next();
            streams.remove(oldest);
        }
    }

    synchronized SseStream stream(String streamId) {
        return streams.get(streamId);
    }

    synchronized RequestStream inFlight(Json requestId) {
        return inFlight.get(requestId);
    }

    synchronized void finished(RequestStream stream) {
        inFlight.remove(stream.requestId(), stream);
        forgetQuestions(stream);
    }

    /** Registers a question a request sends to the client; returns the JSON-RPC id it goes out with. */
    synchronized Json ask(RequestStream stream, String key) {
        Json id = new JsonString("jmcp-" + (++nextQuestion));
        questions.put(id, new Question(stream, key));
        return id;
    }

    synchronized void forgetQuestions(RequestStream stream) {
        questions.values().removeIf(q -> q.stream == stream);
    }

    /** Routes the client's response to the request that asked; false when nobody asked with that id. */
    boolean answer(Json id, JsonObject result, JsonObject error) {
        Question question;
        synchronized (this) {
            question = questions.remove(id);
        }
        if (question == null) return false;
        question.stream.answer(question.key, result, error);
        return true;
    }

    /** Opens the standalone GET stream; null when one is open already. */
    synchronized NotificationStream openStandalone() {
        if (standalone != null || closed) return null;
        standalone = new NotificationStream(nextStreamId(), this);
        track(standalone);
        return standalone;
    }

    synchronized void standaloneClosed(NotificationStream stream) {
        if (standalone == stream) standalone = null;
    }

    /** Sends a notification on the standalone stream; dropped when the client has none open, as the spec allows. */
    void notifyStandalone(JsonObject notification) {
        NotificationStream stream;
        synchronized (this) {
            stream = standalone;
        }
        if (stream != null) stream.enqueue(notification);
    }

    synchronized boolean closed() {
        return closed;
    }

    /** Ends the session: open streams end, waiting requests are cancelled. */
    void close() {
        List<SseStream> open;
        synchronized (this) {
            closed = true;
            open = new ArrayList<>(streams.values());
            streams.clear();
            inFlight.clear();
            questions.clear();
            standalone = null;
        }
        for (SseStream stream : open) {
            if (stream instanceof RequestStream request) request.cancelByClient();
            if (stream instanceof NotificationStream notifications) notifications.end();
        }
    }
}
