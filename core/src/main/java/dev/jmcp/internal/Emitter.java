package dev.jmcp.internal;

import dev.jmcp.json.JsonObject;

/** Where a handler's notifications go: the request's own event stream. */
@FunctionalInterface
public interface Emitter {
    void notify(String method, JsonObject params);

    Emitter NONE = (method, params) -> {
    };
}
