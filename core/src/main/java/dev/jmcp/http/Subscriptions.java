package dev.jmcp.http;

import dev.jmcp.internal.Copies;
import dev.jmcp.McpServer;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonArray;
import dev.jmcp.json.JsonBoolean;
import dev.jmcp.json.JsonObject;
import dev.jmcp.json.JsonString;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The open {@code subscriptions/listen} streams of one endpoint. */
final class Subscriptions {
    private static final List<String> KINDS = List.of("toolsListChanged", "promptsListChanged", "resourcesListChanged");

    private final List<ListenStream> open = new ArrayList<>();
    private long next;

    /** Opens a stream for a listen request's filter; an {@link IllegalArgumentException} says what is wrong with it. */
    ListenStream open(Json requestId, JsonObject params) {
        JsonObject filter = params.optObject("notifications");
        if (filter == null) filter = JsonObject.builder().build();
        var agreed = JsonObject.builder();
        for (String kind : KINDS) {
            Json value = filter.get(kind);
            if (value == null) continue;
            if (!(value instanceof JsonBoolean b)) throw new IllegalArgumentException("notifications." + kind + " must be true or false");
            if (b.value()) agreed.put(kind, true);
        }
        Set<String> uris = new LinkedHashSet<>();
        Json subscriptions = filter.get("resourceSubscriptions");
        if (subscriptions != null) {
            if (!(subscriptions instanceof JsonArray array)) throw new IllegalArgumentException("notifications.resourceSubscriptions must be an array of URIs");
            for (Json uri : array) {
                if (!(uri instanceof JsonString s)) throw new IllegalArgumentException("notifications.resourceSubscriptions must hold strings");
                uris.add(s.value());
            }
            agreed.put("resourceSubscriptions", Json.array(List.copyOf(uris)));
        }
        ListenStream stream;
        synchronized (this) {
            stream = new ListenStream("sub-" + (++next), agreed.build(), Copies.set(uris), this);
            open.add(stream);
        }
        return stream;
    }

    void publish(McpServer.Change change, JsonObject notification) {
        for (ListenStream stream : snapshot()) stream.offer(change, notification);
    }

    synchronized void remove(ListenStream stream) {
        open.remove(stream);
    }

    void close() {
        for (ListenStream stream : snapshot()) stream.end();
        synchronized (this) {
            open.clear();
        }
    }

    private synchronized List<ListenStream> snapshot() {
        return List.copyOf(open);
    }
}
