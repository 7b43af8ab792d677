package dev.jmcp.http;

import dev.jmcp.internal.Copies;
import dev.jmcp.McpException;
import dev.jmcp.internal.CallContext;
import dev.jmcp.internal.Dispatcher;
import dev.jmcp.internal.InputRequired;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON-RPC request answered over SSE. Each pump runs a round of the handler, writing its notifications as they
 * happen. When the handler asks the client something (elicitation, sampling, roots), the round ends by sending
 * that request; the answer arrives on another POST ({@link #answer}), and the next round runs the handler again
 * with the answer in hand (see {@code McpCall}).
 */
final class RequestStream extends SseStream {
    private final Json requestId;
    private final String method;
    private final JsonObject params;
    private final Dispatcher dispatcher;
    private final CallContext.Client client;
    private final Session session; // null without a session: the lane then answers questions itself
    private final Lane lane;
    private final Map<String, Json> answers = new LinkedHashMap<>();
    private InputRequired question;
    private JsonObject clientError;
    private int sentBefore;
    private int unanswered; // questions sent to the client and not answered yet
    private boolean waiting;
    private boolean finished;
    private volatile boolean cancelled;
    private volatile CallContext running;

    RequestStream(String id, Json requestId, String method, JsonObject params, Dispatcher dispatcher,
                  CallContext.Client client, Session session, Lane lane, Map<String, Json> answers) {
        super(id, session != null);
        this.requestId = requestId;
        this.method = method;
        this.params = params;
        this.dispatcher = dispatcher;
        this.client = client;
        this.session = session;
        this.lane = lane;
        this.answers.putAll(answers);
    }

    /**
     * Continues a request whose first round already ran outside a stream: its buffered notifications go out first,
     * then its question.
     */
    void continueFrom(List<JsonObject> notifications, InputRequired question) {
        // only reached on a lane that asks through the session, so the answers so far are none
        for (JsonObject n : notifications) enqueue(n);
        this.sentBefore = notifications.size();
        this.question = question;
    }

    Json requestId() {
        return requestId;
    }

    /** The client's answer to this request's question: the result object, or the JSON-RPC error it sent. */
    void answer(String key, JsonObject result, JsonObject error) {
        synchronized (this) {
            if (result != null) answers.put(key, result);
            if (error != null) clientError = error;
            if (--unanswered > 0 && clientError == null) return;
            waiting = false;
        }
        wakeUp();
    }

    /** {@code notifications/cancelled}: the handler sees it in {@code isCancelled()}, and no response is sent. */
    void cancelByClient() {
        cancelled = true;
        CallContext current = running;
        if (current != null) current.cancel();
        if (session != null) session.forgetQuestions(this);
        wakeUp();
    }

    @Override
    boolean work(EventSink sink) {
        synchronized (this) {
            if (finished) return true;
            if (cancelled) return finish();
            if (waiting) return false;
        }
        if (clientError != null) {
            String message = clientError.optString("message");
            send(sink, lane.error(requestId, new McpException(McpException.INTERNAL_ERROR,
                    "The client answered " + method + "'s request with an error: " + (message == null ? "(no message)" : message))));
            return finish();
        }
        if (question == null) {
            var context = new CallContext(client, (m, p) -> send(sink, Rpc.notification(m, p)), Copies.map(answers), sentBefore);
            running = context;
            try {
                JsonObject result = dispatcher.call(method, params, context);
                if (!cancelled) send(sink, lane.result(requestId, method, result));
                return finish();
            } catch (McpException e) {
                if (!cancelled) send(sink, lane.error(requestId, e));
                return finish();
            } catch (InputRequired asked) {
                sentBefore = context.sent();
                question = asked;
            } finally {
                running = null;
            }
        }
        JsonObject answered = lane.question(requestId, method, question, answers);
        if (answered != null) {
            send(sink, answered);
            return finish();
        }
        synchronized (this) {
            unanswered = question.requests().size();
            waiting = true;
        }
        question.requests().forEach((key, request) ->
                send(sink, Rpc.request(session.ask(this, key), request.method(), request.params())));
        synchronized (this) {
            question = null; // answers that arrive meanwhile wake the adapter, which then pumps the next round
            return false;
        }
    }

    private synchronized boolean finish() {
        finished = true;
        if (session != null) session.finished(this);
        return true;
    }

    @Override
    public void cancel() {
        // A dropped connection is not a cancellation in a session (the client may resume with Last-Event-ID);
        // without one, nobody can ever read the answer, so stop.
        if (session == null) cancelByClient();
    }
}
