package dev.jmcp.http;

import dev.jmcp.json.JsonObject;

import java.util.List;

/** An event stream whose messages are all known already: a handler's buffered notifications, then its response. */
final class FixedStream extends SseStream {
    FixedStream(List<JsonObject> notifications, JsonObject response) {
        super("f", false);
        for (JsonObject n : notifications) enqueue(n);
        enqueue(response);
    }

    @Override
    boolean work(EventSink sink) {
        return true;
    }

    @Override
    public void cancel() {
    }
}
