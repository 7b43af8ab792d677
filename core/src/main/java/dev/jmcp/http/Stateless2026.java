package dev.jmcp.http;

import dev.jmcp.CacheHint;
import dev.jmcp.LogLevel;
import dev.jmcp.McpException;
import dev.jmcp.McpServer;
import dev.jmcp.Resource;
import dev.jmcp.internal.CallContext;
import dev.jmcp.internal.Catalog;
import dev.jmcp.internal.Dispatcher;
import dev.jmcp.internal.InputRequired;
import dev.jmcp.internal.Wire;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonNumber;
import dev.jmcp.json.JsonObject;
import dev.jmcp.json.JsonString;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MCP 2026-07-28, the stateless protocol: every request carries its protocol version and the client's capabilities
 * in {@code _meta}, there is no session, and a handler's question to the client becomes an {@code input_required}
 * result that the client answers by retrying (with the answers so far sealed in {@code requestState}). Requests
 * enter the same {@link Dispatcher} as 2025 requests; this class checks the 2026 rules and frames the answers.
 */
final class Stateless2026 {
    static final String VERSION = "2026-07-28";
    static final List<String> VERSIONS = List.of(VERSION);
    static final String META_VERSION = "io.modelcontextprotocol/protocolVersion";
    static final String META_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    static final String META_CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
    static final String META_LOG_LEVEL = "io.modelcontextprotocol/logLevel";
    static final String META_SERVER_INFO = "io.modelcontextprotocol/serverInfo";
    static final int HEADER_MISMATCH = -32020;
    static final int UNSUPPORTED_VERSION = -32022;

    /** Methods 2026-07-28 removed; they are unknown to a 2026 request. */
    private static final List<String> REMOVED = List.of("initialize", "ping", "logging/setLevel", "resources/subscribe",
            "resources/unsubscribe", "notifications/initialized");

    private final McpEndpoint endpoint;
    private final Dispatcher dispatcher;
    private final Env env;

    Stateless2026(McpEndpoint endpoint, Dispatcher dispatcher, Env env) {
        this.endpoint = endpoint;
        this.dispatcher = dispatcher;
        this.env = env;
    }

    /** True when a message speaks 2026-07-28 (by header or by {@code _meta}) rather than a 2025 revision. */
    static boolean applies(Message message, Headers headers) {
        String header = headers.get(McpHeaders.PROTOCOL_VERSION);
        if (header != null && VERSIONS.contains(header.trim())) return true;
        JsonObject params = message instanceof Message.Request r ? r.params()
                : message instanceof Message.Notification n ? n.params() : null;
        JsonObject meta = params == null ? null : metaOf(params);
        return meta != null && meta.has(META_VERSION);
    }

    HttpResponse handle(Message message, Headers headers) {
        if (!(message instanceof Message.Request request)) return McpEndpoint.accepted(); // no 2026 notification needs an answer
        Json id = request.id();
        JsonObject meta = metaOf(request.params());
        if (meta == null) return reject(400, id, McpException.INVALID_PARAMS, "Invalid params: params._meta is required by MCP 2026-07-28", null);
        Json version = meta.get(META_VERSION);
        Json capabilities = meta.get(META_CAPABILITIES);
        if (version == null || capabilities == null) {
            return reject(400, id, McpException.INVALID_PARAMS, "Invalid params: missing _meta keys: "
                    + (version == null ? META_VERSION + (capabilities == null ? ", " : "") : "")
                    + (capabilities == null ? META_CAPABILITIES : ""), null);
        }
        if (!(version instanceof JsonString v)) return reject(400, id, McpException.INVALID_PARAMS, "Invalid params: _meta." + META_VERSION + " must be a string", null);
        if (!(capabilities instanceof JsonObject caps)) return reject(400, id, McpException.INVALID_PARAMS, "Invalid params: _meta." + META_CAPABILITIES + " must be an object", null);
        Json clientInfo = meta.get(META_CLIENT_INFO);
        if (clientInfo != null && !(clientInfo instanceof JsonObject)) {
            return reject(400, id, McpException.INVALID_PARAMS, "Invalid params: _meta." + META_CLIENT_INFO + " must be an object", null);
        }
        LogLevel logLevel = null;
        Json level = meta.get(META_LOG_LEVEL);
        if (level != null) {
            logLevel = level instanceof JsonString s ? LogLevel.fromWire(s.value()) : null;
            if (logLevel == null) return reject(400, id, McpException.INVALID_PARAMS, "Invalid params: _meta." + META_LOG_LEVEL + " must be one of debug, info, notice, warning, error, critical, alert, emergency", null);
        }
        String header = headers.get(McpHeaders.PROTOCOL_VERSION);
        if (header == null) return reject(400, id, HEADER_MISMATCH, "Missing MCP-Protocol-Version header", null);
        if (!header.trim().equals(v.value())) {
            return reject(400, id, HEADER_MISMATCH, "MCP-Protocol-Version header (" + header.trim() + ") does not match _meta." + META_VERSION + " (" + v.value() + ")", null);
        }
        if (!VERSIONS.contains(v.value())) {
            return reject(400, id, UNSUPPORTED_VERSION, "Unsupported protocol version " + v.value(),
                    Json.object("supported", Json.array(supported()), "requested", v.value()));
        }
        String refused;
        try {
            refused = checkRoutingHeaders(request, headers);
            if (refused == null) refused = checkParamHeaders(request, headers);
        } catch (IllegalArgumentException e) {
            refused = e.getMessage();
        }
        if (refused != null) return reject(400, id, HEADER_MISMATCH, refused, null);
        String method = request.method();
        if (REMOVED.contains(method) || (!Dispatcher.serves(method) && !method.equals("server/discover") && !method.equals("subscriptions/listen"))) {
            return reject(404, id, McpException.METHOD_NOT_FOUND, "Method not found: " + method, null);
        }
        var client = new CallContext.Client(VERSION, caps, McpEndpoint.progressToken(request.params()), logLevel);
        return switch (method) {
            case "server/discover" -> McpEndpoint.json(200, Rpc.result(id, complete(discover(), CacheHint.NONE)), Headers.EMPTY);
            case "subscriptions/listen" -> endpoint.listen(request);
            default -> serve(request, client);
        };
    }

    private HttpResponse serve(Message.Request request, CallContext.Client client) {
        String name = nameOf(request.method(), request.params());
        Map<String, Json> answers = new LinkedHashMap<>();
        try {
            String state = request.params().optString("requestState");
            if (state != null) answers.putAll(endpoint.requestState().open(state, request.method(), name, env.currentTimeMillis()));
            JsonObject responses = request.params().optObject("inputResponses");
            if (responses != null) answers.putAll(responses.members());
        } catch (McpException e) {
            return reject(400, request.id(), e.code(), e.getMessage(), e.data());
        } catch (IllegalArgumentException e) {
            return reject(400, request.id(), McpException.INVALID_PARAMS, "Invalid params: " + e.getMessage(), null);
        }
        return endpoint.serve(null, request, client, new Lane2026(name, request.params()), answers);
    }

    private JsonObject discover() {
        McpServer server = dispatcher.server();
        return JsonObject.builder()
                .put("supportedVersions", Json.array(supported()))
                .put("capabilities", dispatcher.capabilities())
                .put("instructions", server.instructions())
                .build();
    }

    private List<String> supported() {
        return VERSIONS;
    }

    /** Adds what every 2026 result carries: its type, cache hints, and the server's identity. */
    private JsonObject complete(JsonObject result, CacheHint cache) {
        var framed = JsonObject.builder().putAll(result).put("resultType", "complete");
        if (cache != null) framed.put("ttlMs", cache.ttlMillis()).put("cacheScope", cache.scope().wireName());
        JsonObject meta = result.optObject("_meta");
        var withInfo = JsonObject.builder();
        if (meta != null) withInfo.putAll(meta);
        withInfo.put(META_SERVER_INFO, Wire.serverInfo(dispatcher.server().info()));
        return framed.put("_meta", withInfo.build()).build();
    }

    /** The cache hint a result of this method carries, or null for methods that are not cacheable. */
    private CacheHint cacheFor(String method, JsonObject params) {
        McpServer server = dispatcher.server();
        return switch (method) {
            case "tools/list", "prompts/list", "resources/list", "resources/templates/list" -> server.cacheHint();
            case "resources/read" -> {
                String uri = params.optString("uri");
                Catalog catalog = server.catalog();
                Resource resource = uri == null ? null : catalog.resource(uri);
                if (resource != null && resource.cacheHint() != null) yield resource.cacheHint();
                Catalog.Match match = uri == null || resource != null ? null : catalog.match(uri);
                if (match != null && match.template().cacheHint() != null) yield match.template().cacheHint();
                yield server.cacheHint();
            }
            default -> null;
        };
    }

    /** Mcp-Method and Mcp-Name must agree with the body; null when they do. */
    private static String checkRoutingHeaders(Message.Request request, Headers headers) {
        String method = McpHeaders.method(headers);
        if (method == null) return "Missing Mcp-Method header";
        if (!method.equals(request.method())) {
            return "Mcp-Method header (" + method + ") does not match the request method (" + request.method() + ")";
        }
        String expected = nameOf(request.method(), request.params());
        if (expected != null) {
            String name = McpHeaders.name(headers);
            if (name == null) return "Missing Mcp-Name header (expected " + expected + ")";
            if (!name.equals(expected)) return "Mcp-Name header (" + name + ") does not match the request (" + expected + ")";
        }
        return null;
    }

    /** Arguments the tool mirrors into {@code Mcp-Param-*} headers must agree with them; null when they do. */
    private String checkParamHeaders(Message.Request request, Headers headers) {
        if (!request.method().equals("tools/call")) return null;
        var tool = request.params().get("name") instanceof JsonString name ? dispatcher.server().catalog().tool(name.value()) : null;
        JsonObject properties = tool == null ? null : tool.inputSchema().optObject("properties");
        if (properties == null) return null;
        JsonObject arguments = request.params().optObject("arguments");
        for (var property : properties.members().entrySet()) {
            if (!(property.getValue() instanceof JsonObject schema) || !(schema.get("x-mcp-header") instanceof JsonString h)) continue;
            Json argument = arguments == null ? null : arguments.get(property.getKey());
            if (argument == null) continue;
            String header = McpHeaders.PARAM_PREFIX + h.value();
            String value = McpHeaders.decode(headers.get(header));
            if (value == null) return "Missing " + header + " header for argument " + property.getKey();
            String expected = argument instanceof JsonString s ? s.value() : Json.write(argument);
            if (!value.equals(expected)) return header + " header does not match argument " + property.getKey();
        }
        return null;
    }

    /** What Mcp-Name carries for a method: the tool or prompt name, or the resource URI; null for other methods. */
    static String nameOf(String method, JsonObject params) {
        return switch (method) {
            case "tools/call", "prompts/get" -> params.get("name") instanceof JsonString s ? s.value() : null;
            case "resources/read" -> params.get("uri") instanceof JsonString s ? s.value() : null;
            default -> null;
        };
    }

    static JsonObject metaOf(JsonObject params) {
        return params.get("_meta") instanceof JsonObject meta ? meta : null;
    }

    private static HttpResponse reject(int status, Json id, int code, String message, Json data) {
        return McpEndpoint.json(status, Rpc.error(id, code, message, data), Headers.EMPTY);
    }

    /** Frames dispatcher output the 2026 way. One per request: it knows the request's name for sealing state. */
    private final class Lane2026 implements Lane {
        private final String name;
        private final JsonObject params;

        Lane2026(String name, JsonObject params) {
            this.name = name;
            this.params = params;
        }

        @Override
        public JsonObject result(Json id, String method, JsonObject result) {
            return Rpc.result(id, complete(result, cacheFor(method, params)));
        }

        @Override
        public int status(JsonObject reply) {
            JsonObject error = reply.optObject("error");
            return error != null && error.number("code").longValue() == McpException.MISSING_CLIENT_CAPABILITY ? 400 : 200;
        }

        @Override
        public JsonObject error(Json id, McpException error) {
            if (error.code() == McpException.RESOURCE_NOT_FOUND) {
                // 2026-07-28 retired -32002: an unknown resource is invalid params, with the URI in data
                return Rpc.error(id, McpException.INVALID_PARAMS, error.getMessage(), error.data());
            }
            return Rpc.error(id, error.code(), error.getMessage(), error.data());
        }

        @Override
        public JsonObject question(Json id, String method, InputRequired question, Map<String, Json> answers) {
            var requests = JsonObject.builder();
            question.requests().forEach((key, request) ->
                    requests.put(key, JsonObject.builder().put("method", request.method()).put("params", request.params()).build()));
            var result = JsonObject.builder()
                    .put("resultType", "input_required")
                    .put("inputRequests", requests.build())
                    .put("requestState", endpoint.requestState().seal(method, name, answers, env.currentTimeMillis()))
                    .build();
            return Rpc.result(id, result);
        }
    }
}
