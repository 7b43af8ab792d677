package dev.jmcp;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;

import java.util.List;

/**
 * What every handler can do while it serves one request: report progress, log, ask the user or the client's model,
 * and see whether the client cancelled.
 *
 * <p><b>Asking runs the handler again.</b> {@link #elicit}, {@link #sample} and {@link #roots} need an answer from
 * the client. Core has no threads to wait with, so when an answer is not there yet the handler is stopped, the
 * question goes to the client, and once the answer arrives the handler runs again from the top; this time the call
 * returns the answer. Over MCP 2026-07-28 this is exactly the protocol's multi-round-trip retry; over a 2025
 * session it is a server-to-client request. So: ask first, then do work with side effects. Progress and log
 * messages already sent in an earlier round are not sent twice. Do not catch {@link Throwable} around these calls.
 */
public interface McpCall {

    /** Reports progress when the client asked for it (a {@code progressToken}); otherwise does nothing. */
    void progress(double progress, Double total, String message);

    default void progress(double progress, double total) {
        progress(progress, total, null);
    }

    /** Sends a log message when the client asked for this level or a lower one; otherwise does nothing. */
    void log(LogLevel level, String logger, Json data);

    default void log(LogLevel level, String message) {
        log(level, null, Json.string(message));
    }

    /**
     * Asks the client one or more questions in one round and returns when all are answered; see the class comment
     * for how the answers arrive. A question whose client capability is missing fails the request with -32021.
     */
    Answers ask(Question... questions);

    /** Asks the user; the key names the question across rounds. */
    default ElicitResult elicit(String key, Elicitation question) {
        return ask(Question.elicit(key, question)).elicitation(key);
    }

    default ElicitResult elicit(Elicitation question) {
        return elicit("elicitation", question);
    }

    default SamplingResult sample(String key, SamplingRequest request) {
        return ask(Question.sample(key, request)).sampling(key);
    }

    default SamplingResult sample(SamplingRequest request) {
        return sample("sampling", request);
    }

    default List<Root> roots(String key) {
        return ask(Question.roots(key)).roots(key);
    }

    default List<Root> roots() {
        return roots("roots");
    }

    /** True once the client cancelled this request; long handlers should check it and stop. */
    boolean isCancelled();

    /** The client's declared capabilities ({@code {}} when it declared none). */
    JsonObject clientCapabilities();

    /** The protocol version this request is served under, e.g. {@code 2025-11-25}. */
    String protocolVersion();
}
