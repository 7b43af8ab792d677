package dev.jmcp.internal;

import dev.jmcp.json.JsonObject;

/**
 * Thrown through a handler when it asks the client something not yet answered (see {@code McpCall}). An
 * {@link Error}, so that handlers catching {@code Exception} do not swallow it; it carries no stack trace.
 */
public final class InputRequired extends Error {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String method;
    private final transient JsonObject params;

    public InputRequired(String key, String method, JsonObject params) {
        super("input required: " + key, null, false, false);
        this.key = key;
        this.method = method;
        this.params = params;
    }

    public String key() {
        return key;
    }

    /** The client method that answers it: elicitation/create, sampling/createMessage or roots/list. */
    public String method() {
        return method;
    }

    public JsonObject params() {
        return params;
    }
}
