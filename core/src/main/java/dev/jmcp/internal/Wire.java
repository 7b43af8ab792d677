package dev.jmcp.internal;

import dev.jmcp.Arg;
import dev.jmcp.Content;
import dev.jmcp.ElicitResult;
import dev.jmcp.Elicitation;
import dev.jmcp.Icon;
import dev.jmcp.McpServer;
import dev.jmcp.Prompt;
import dev.jmcp.PromptMessage;
import dev.jmcp.PromptResult;
import dev.jmcp.Resource;
import dev.jmcp.ResourceContents;
import dev.jmcp.ResourceTemplate;
import dev.jmcp.Role;
import dev.jmcp.Root;
import dev.jmcp.SamplingRequest;
import dev.jmcp.SamplingResult;
import dev.jmcp.Tool;
import dev.jmcp.ToolResult;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonArray;
import dev.jmcp.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** MCP types to and from their JSON form. Absent values are left out, never written as {@code null}. */
public final class Wire {
    private Wire() {
    }

    public static JsonObject serverInfo(McpServer.Info info) {
        return JsonObject.builder()
                .put("name", info.name())
                .put("title", info.title())
                .put("version", info.version())
                .put("description", info.description())
                .put("websiteUrl", info.websiteUrl())
                .put("icons", icons(info.icons()))
                .build();
    }

    static JsonArray icons(List<Icon> icons) {
        if (icons.isEmpty()) return null;
        var items = new ArrayList<Json>();
        for (Icon icon : icons) {
            items.add(JsonObject.builder()
                    .put("src", icon.src())
                    .put("mimeType", icon.mimeType())
                    .put("sizes", icon.sizes().isEmpty() ? null : Json.array(icon.sizes()))
                    .put("theme", icon.theme())
                    .build());
        }
        return JsonArray.of(items);
    }

    public static JsonObject tool(Tool tool) {
        var json = JsonObject.builder()
                .put("name", tool.name())
                .put("title", tool.title())
                .put("description", tool.description())
                .put("inputSchema", tool.inputSchema())
                .put("outputSchema", tool.outputSchema())
                .put("icons", icons(tool.icons()));
        var a = tool.annotations();
        if (a != null) {
            json.put("annotations", JsonObject.builder()
                    .put("title", a.title())
                    .putIfSet("readOnlyHint", a.readOnlyHint())
                    .putIfSet("destructiveHint", a.destructiveHint())
                    .putIfSet("idempotentHint", a.idempotentHint())
                    .putIfSet("openWorldHint", a.openWorldHint())
                    .build());
        }
        return json.put("_meta", tool.meta()).build();
    }

    public static JsonObject toolResult(ToolResult result) {
        var json = JsonObject.builder().put("content", contents(result.content()));
        json.put("structuredContent", result.structuredContent());
        if (result.isError()) json.put("isError", true);
        return json.build();
    }

    static JsonArray contents(List<Content> content) {
        var items = new ArrayList<Json>(content.size());
        for (Content c : content) items.add(content(c));
        return JsonArray.of(items);
    }

    public static JsonObject content(Content content) {
        // instanceof, not a pattern switch: this runs in every cold start (core/README.md, "Cold start")
        if (content instanceof Content.Text t) return Json.object("type", "text", "text", t.text());
        if (content instanceof Content.Image i) return Json.object("type", "image", "data", i.data(), "mimeType", i.mimeType());
        if (content instanceof Content.Audio a) return Json.object("type", "audio", "data", a.data(), "mimeType", a.mimeType());
        if (content instanceof Content.Embedded e) return Json.object("type", "resource", "resource", resourceContents(e.resource()));
        if (content instanceof Content.Link l) {
            return Json.object("type", "resource_link", "uri", l.uri(), "name", l.name(), "title", l.title(),
                    "description", l.description(), "mimeType", l.mimeType());
        }
        return ((Content.Raw) content).json();
    }

    public static JsonObject resourceContents(ResourceContents contents) {
        return switch (contents) {
            case ResourceContents.Text t -> Json.object("uri", t.uri(), "mimeType", t.mimeType(), "text", t.text());
            case ResourceContents.Blob b -> Json.object("uri", b.uri(), "mimeType", b.mimeType(), "blob", b.blob());
        };
    }

    public static JsonObject resource(Resource r) {
        return JsonObject.builder()
                .put("uri", r.uri())
                .put("name", r.name())
                .put("title", r.title())
                .put("description", r.description())
                .put("mimeType", r.mimeType())
                .put("size", r.size() == null ? null : Json.of(r.size()))
                .put("icons", icons(r.icons()))
                .build();
    }

    public static JsonObject template(ResourceTemplate t) {
        return JsonObject.builder()
                .put("uriTemplate", t.uriTemplate())
                .put("name", t.name())
                .put("title", t.title())
                .put("description", t.description())
                .put("mimeType", t.mimeType())
                .put("icons", icons(t.icons()))
                .build();
    }

    public static JsonObject prompt(Prompt p) {
        var args = new ArrayList<Json>();
        for (Arg<String> arg : p.args()) {
            args.add(JsonObject.builder()
                    .put("name", arg.name())
                    .put("description", arg.description())
                    .put("required", arg.required())
                    .build());
        }
        return JsonObject.builder()
                .put("name", p.name())
                .put("title", p.title())
                .put("description", p.description())
                .put("arguments", args.isEmpty() ? null : JsonArray.of(args))
                .put("icons", icons(p.icons()))
                .build();
    }

    public static JsonObject promptResult(PromptResult result) {
        return JsonObject.builder()
                .put("description", result.description())
                .put("messages", messages(result.messages()))
                .build();
    }

    static JsonArray messages(List<PromptMessage> messages) {
        var items = new ArrayList<Json>(messages.size());
        for (PromptMessage m : messages) items.add(Json.object("role", m.role().wireName(), "content", content(m.content())));
        return JsonArray.of(items);
    }

    public static JsonObject elicitationParams(Elicitation question) {
        return switch (question) {
            case Elicitation.Form f -> Json.object("mode", "form", "message", f.message(), "requestedSchema", f.requestedSchema());
            case Elicitation.Url u -> Json.object("mode", "url", "message", u.message(), "url", u.url(), "elicitationId", u.elicitationId());
        };
    }

    public static ElicitResult elicitResult(JsonObject result) {
        String action = result.string("action");
        var parsed = switch (action) {
            case "accept" -> ElicitResult.Action.ACCEPT;
            case "decline" -> ElicitResult.Action.DECLINE;
            case "cancel" -> ElicitResult.Action.CANCEL;
            default -> throw new IllegalArgumentException("elicitation result action must be accept, decline or cancel, got \"" + action + "\"");
        };
        return new ElicitResult(parsed, result.optObject("content"));
    }

    public static JsonObject samplingParams(SamplingRequest request) {
        return JsonObject.builder()
                .put("messages", messages(request.messages()))
                .put("systemPrompt", request.systemPrompt())
                .put("maxTokens", request.maxTokens())
                .build();
    }

    public static SamplingResult samplingResult(JsonObject result) {
        Role role = "assistant".equals(result.optString("role")) ? Role.ASSISTANT : Role.USER;
        JsonObject content = result.object("content");
        Content parsed = "text".equals(content.optString("type")) ? Content.text(content.string("text")) : new Content.Raw(content);
        return new SamplingResult(role, parsed, result.optString("model"), result.optString("stopReason"));
    }

    public static List<Root> roots(JsonObject result) {
        var roots = new ArrayList<Root>();
        for (Json item : result.array("roots")) {
            JsonObject root = item.asObject();
            roots.add(new Root(root.string("uri"), root.optString("name")));
        }
        return List.copyOf(roots);
    }
}
