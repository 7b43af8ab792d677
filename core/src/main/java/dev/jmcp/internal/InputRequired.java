package dev.jmcp.internal;

import dev.jmcp.json.JsonObject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thrown through a handler when it asks the client something not yet answered (see {@code McpCall}). An
 * {@link Error}, so that handlers catching {@code Exception} do not swallow it; it carries no stack trace.
 */
public final class InputRequired extends Error {
    private static final long serialVersionUID = 1L;

    /** One question for the client: the client method that answers it and its params. */
    public record Request(String method, JsonObject params) {
    }

    private final transient Map<String, Request> requests;

    /** @param requests the unanswered questions by key, in the order asked */
    public InputRequired(Map<String, Request> requests) {
        super("input required: " + requests.keySet(), null, false, false);
        this.requests = Collections.unmodifiableMap(new LinkedHashMap<>(requests));
    }

    /** The unanswered questions by key, in the order the handler asked them. */
    public Map<String, Request> requests() {
        return requests;
    }
}
