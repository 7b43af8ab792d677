package dev.jmcp.internal;

import dev.jmcp.Arg;
import dev.jmcp.Completer;
import dev.jmcp.McpException;
import dev.jmcp.McpServer;
import dev.jmcp.Prompt;
import dev.jmcp.PromptResult;
import dev.jmcp.Resource;
import dev.jmcp.ResourceContents;
import dev.jmcp.ResourceResult;
import dev.jmcp.ResourceTemplate;
import dev.jmcp.Tool;
import dev.jmcp.ToolError;
import dev.jmcp.ToolResult;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonArray;
import dev.jmcp.json.JsonObject;
import dev.jmcp.json.JsonString;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Serves the MCP methods that do not depend on a session: lists, calls, reads, prompts and completion. Every
 * protocol front end (2025 sessions, the stateless lane, 2026-07-28) enters here, so a handler behaves the same
 * whichever way the request came.
 */
public final class Dispatcher {
    private static final int MAX_COMPLETIONS = 100;

    private final McpServer server;
    private final BiConsumer<String, Throwable> errors;

    /** @param errors told about handler failures that the client sees only as a generic message */
    public Dispatcher(McpServer server, BiConsumer<String, Throwable> errors) {
        this.server = server;
        this.errors = errors;
    }

    public McpServer server() {
        return server;
    }

    /** True for the methods {@link #call} serves. */
    public static boolean serves(String method) {
        return switch (method) {
            case "ping", "tools/list", "tools/call", "resources/list", "resources/read", "resources/templates/list",
                 "prompts/list", "prompts/get", "completion/complete" -> true;
            default -> false;
        };
    }

    /** The server's capabilities, derived from what is registered. */
    public JsonObject capabilities() {
        Catalog catalog = server.catalog();
        var caps = JsonObject.builder();
        caps.put("logging", Json.object());
        if (catalog.hasCompletions()) caps.put("completions", Json.object());
        caps.put("tools", Json.object("listChanged", true));
        caps.put("resources", Json.object("subscribe", true, "listChanged", true));
        caps.put("prompts", Json.object("listChanged", true));
        return caps.build();
    }

    /**
     * Serves one request. Throws {@link McpException} for a JSON-RPC error and {@link InputRequired} when a handler
     * asked the client something not yet answered.
     */
    public JsonObject call(String method, JsonObject params, CallContext context) {
        try {
            return switch (method) {
                case "ping" -> JsonObject.builder().build();
                case "tools/list" -> page(params, server.catalog().tools(), "tools", Wire::tool);
                case "tools/call" -> callTool(params, context);
                case "resources/list" -> page(params, server.catalog().resources(), "resources", Wire::resource);
                case "resources/templates/list" -> page(params, server.catalog().templates(), "resourceTemplates", Wire::template);
                case "resources/read" -> read(params, context);
                case "prompts/list" -> page(params, server.catalog().prompts(), "prompts", Wire::prompt);
                case "prompts/get" -> getPrompt(params, context);
                case "completion/complete" -> complete(params);
                default -> throw McpException.methodNotFound(method);
            };
        } catch (dev.jmcp.json.JsonTypeException e) {
            throw McpException.invalidParams("Invalid params for " + method + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            if (e instanceof Arg.Invalid) throw McpException.invalidParams(e.getMessage());
            // JsonObject's typed getters name the member that is missing or of the wrong type
            throw McpException.invalidParams("Invalid params for " + method + ": " + e.getMessage());
        }
    }

    private JsonObject callTool(JsonObject params, CallContext context) {
        String name = params.string("name");
        JsonObject arguments = params.optObject("arguments");
        Tool tool = server.catalog().tool(name);
        if (tool == null) throw McpException.invalidParams("Unknown tool: " + name);
        context.target(name, arguments == null ? JsonObject.builder().build() : arguments);
        ToolResult result;
        try {
            result = tool.handler().handle(context);
            if (result == null) throw new IllegalStateException("tool handler returned null");
        } catch (ToolError e) {
            result = ToolResult.error(e.getMessage());
        } catch (Arg.Invalid e) {
            result = ToolResult.error("Invalid arguments for tool " + name + ": " + e.getMessage());
        } catch (McpException | InputRequired e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            errors.accept("tool " + name, e);
            result = ToolResult.error("Tool " + name + " failed with an internal error.");
        }
        return Wire.toolResult(result);
    }

    private JsonObject read(JsonObject params, CallContext context) {
        String uri = params.string("uri");
        Catalog catalog = server.catalog();
        Resource resource = catalog.resource(uri);
        ResourceResult result;
        try {
            if (resource != null) {
                context.resource(uri, Map.of());
                result = resource.handler().read(context);
            } else {
                Catalog.Match match = catalog.match(uri);
                if (match == null) throw McpException.resourceNotFound(uri);
                context.resource(uri, match.vars());
                result = match.template().handler().read(context);
            }
            if (result == null) throw new IllegalStateException("resource handler returned null");
        } catch (McpException | InputRequired e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            errors.accept("resource " + uri, e);
            throw new McpException(McpException.INTERNAL_ERROR, "Reading " + uri + " failed with an internal error");
        }
        var contents = new ArrayList<Json>();
        for (ResourceContents c : result.contents()) contents.add(Wire.resourceContents(c));
        return Json.object("contents", JsonArray.of(contents));
    }

    private JsonObject getPrompt(JsonObject params, CallContext context) {
        String name = params.string("name");
        Prompt prompt = server.catalog().prompt(name);
        if (prompt == null) throw McpException.invalidParams("Unknown prompt: " + name);
        JsonObject arguments = params.optObject("arguments");
        if (arguments == null) arguments = JsonObject.builder().build();
        for (var member : arguments.members().entrySet()) {
            if (!(member.getValue() instanceof JsonString)) {
                throw McpException.invalidParams("prompt argument \"" + member.getKey() + "\" must be a string, got " + member.getValue().typeName());
            }
        }
        for (Arg<String> arg : prompt.args()) arg.decode(arguments); // a missing required argument fails before rendering
        context.target(name, arguments);
        PromptResult result;
        try {
            result = prompt.handler().render(context);
            if (result == null) throw new IllegalStateException("prompt handler returned null");
        } catch (McpException | InputRequired | Arg.Invalid e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            errors.accept("prompt " + name, e);
            throw new McpException(McpException.INTERNAL_ERROR, "Prompt " + name + " failed with an internal error");
        }
        return Wire.promptResult(result);
    }

    private JsonObject complete(JsonObject params) {
        JsonObject ref = params.object("ref");
        JsonObject argument = params.object("argument");
        String argName = argument.string("name");
        String value = argument.string("value");
        Map<String, String> context = new LinkedHashMap<>();
        JsonObject ctx = params.optObject("context");
        JsonObject given = ctx == null ? null : ctx.optObject("arguments");
        if (given != null) {
            for (var member : given.members().entrySet()) {
                if (member.getValue() instanceof JsonString s) context.put(member.getKey(), s.value());
            }
        }
        String type = ref.string("type");
        Completer completer = switch (type) {
            case "ref/prompt" -> {
                String name = ref.string("name");
                Prompt prompt = server.catalog().prompt(name);
                if (prompt == null) throw McpException.invalidParams("Unknown prompt: " + name);
                yield prompt.completers().get(argName);
            }
            case "ref/resource" -> {
                String uri = ref.string("uri");
                ResourceTemplate template = server.catalog().template(uri);
                if (template == null) {
                    if (server.catalog().resource(uri) == null) throw McpException.invalidParams("Unknown resource template: " + uri);
                    yield null;
                }
                yield template.completers().get(argName);
            }
            default -> throw McpException.invalidParams("ref.type must be ref/prompt or ref/resource, got \"" + type + "\"");
        };
        List<String> values = List.of();
        if (completer != null) {
            try {
                values = completer.complete(value, context);
            } catch (McpException e) {
                throw e;
            } catch (Exception e) {
                errors.accept("completion of " + argName, e);
                throw new McpException(McpException.INTERNAL_ERROR, "Completion failed with an internal error");
            }
        }
        int total = values.size();
        var shown = values.size() > MAX_COMPLETIONS ? values.subList(0, MAX_COMPLETIONS) : values;
        return Json.object("completion", Json.object("values", Json.array(shown), "total", total, "hasMore", total > MAX_COMPLETIONS));
    }

    private <T> JsonObject page(JsonObject params, List<T> items, String key, Function<T, JsonObject> encode) {
        int offset = 0;
        String cursor = params.optString("cursor");
        if (cursor != null) offset = Cursor.decode(cursor, items.size());
        int end = Math.min(items.size(), offset + server.pageSize());
        var page = new ArrayList<Json>(end - offset);
        for (int i = offset; i < end; i++) page.add(encode.apply(items.get(i)));
        var result = JsonObject.builder().put(key, JsonArray.of(page));
        if (end < items.size()) result.put("nextCursor", Cursor.encode(end));
        return result.build();
    }
}
