package dev.jmcp.http;

import dev.jmcp.McpServer;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;

import java.util.Set;

/**
 * One {@code subscriptions/listen} stream (MCP 2026-07-28): the acknowledgement first, then only the notification
 * kinds the client opted into, each tagged with the subscription id. Ends when the client closes it.
 */
final class ListenStream extends OpenStream {
    static final String META_SUBSCRIPTION = "io.modelcontextprotocol/subscriptionId";

    private final String subscriptionId;
    private final boolean tools;
    private final boolean prompts;
    private final boolean resources;
    private final Set<String> resourceUris;
    private final Subscriptions owner;

    ListenStream(String subscriptionId, JsonObject agreed, Set<String> resourceUris, Subscriptions owner) {
        super(subscriptionId, false);
        this.subscriptionId = subscriptionId;
        this.tools = agreed.has("toolsListChanged");
        this.prompts = agreed.has("promptsListChanged");
        this.resources = agreed.has("resourcesListChanged");
        this.resourceUris = resourceUris;
        this.owner = owner;
        enqueue(tagged(Rpc.notification("notifications/subscriptions/acknowledged", Json.object("notifications", agreed))));
    }

    /** Queues the notification when this subscription asked for its kind. */
    void offer(McpServer.Change change, JsonObject notification) {
        boolean wanted = switch (change) {
            case McpServer.Change.ToolsChanged c -> tools;
            case McpServer.Change.PromptsChanged c -> prompts;
            case McpServer.Change.ResourcesChanged c -> resources;
            case McpServer.Change.ResourceUpdated u -> resourceUris.contains(u.uri());
        };
        if (wanted && !ended()) enqueue(tagged(notification));
    }

    private JsonObject tagged(JsonObject notification) {
        JsonObject params = notification.optObject("params");
        var meta = JsonObject.builder();
        JsonObject existing = params == null ? null : params.optObject("_meta");
        if (existing != null) meta.putAll(existing);
        meta.put(META_SUBSCRIPTION, subscriptionId);
        var withMeta = (params == null ? JsonObject.builder() : JsonObject.builder().putAll(params)).put("_meta", meta.build()).build();
        return notification.with("params", withMeta);
    }

    @Override
    void closed() {
        owner.remove(this);
    }
}
