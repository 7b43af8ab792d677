package dev.jmcp.http;

import dev.jmcp.LogLevel;
import dev.jmcp.McpException;
import dev.jmcp.McpServer;
import dev.jmcp.internal.CallContext;
import dev.jmcp.internal.Dispatcher;
import dev.jmcp.internal.InputRequired;
import dev.jmcp.internal.RequestState;
import dev.jmcp.internal.Wire;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonArray;
import dev.jmcp.json.JsonNumber;
import dev.jmcp.json.JsonObject;
import dev.jmcp.json.JsonParseException;
import dev.jmcp.json.JsonString;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MCP's Streamable HTTP transport as a function: {@link #handle} takes one {@link HttpRequest} and returns the
 * {@link HttpResponse} to send. Every status decision lives here, so each runtime adapter only translates.
 * Build one per process and share it; it is safe for concurrent use.
 *
 * <pre>{@code
 * McpEndpoint endpoint = McpEndpoint.of(server, EndpointOptions.defaults(), env);
 * HttpResponse response = endpoint.handle(new HttpRequest("POST", "/mcp", headers, body));
 * }</pre>
 *
 * <p>What it enforces: {@code Host}/{@code Origin} against DNS rebinding (403), the body limit (413), the
 * content type (415) and {@code Accept} (406), the {@code MCP-Protocol-Version} header (400), sessions (400 when
 * missing, 404 when unknown or ended), 405 for methods the mode does not serve, and JSON-RPC framing (-32700 for
 * bad JSON, -32600 for anything that is not a single JSON-RPC message).
 */
public final class McpEndpoint {
    /** The protocol versions served, newest first. */
    public static final List<String> VERSIONS = List.of("2025-11-25", "2025-06-18", "2025-03-26");
    private static final long SWEEP_EVERY_MILLIS = 10_000;

    private final Dispatcher dispatcher;
    private final EndpointOptions options;
    private final Env env;
    private final SessionStore sessions;
    private final Stateless2026 stateless2026;
    private final Subscriptions subscriptions = new Subscriptions();
    private volatile long lastSweep;
    private long statelessStreams;
    private RequestState requestState;

    private McpEndpoint(McpServer server, EndpointOptions options, Env env) {
        this.dispatcher = new Dispatcher(server, env::reportError);
        this.options = options;
        this.env = env;
        this.sessions = options.sessions();
        byte[] key = options.requestStateKey();
        if (key != null) requestState = new RequestState(key, options.requestStateMillis());
        this.stateless2026 = new Stateless2026(this, dispatcher, env);
        server.onChange(this::broadcast);
    }

    /**
     * The sealer of 2026 {@code requestState}; without a configured key, one drawn at random on first use, not at
     * construction: Cloudflare Workers refuse random bytes at global scope, where a Worker makes its endpoint.
     */
    RequestState requestState() {
        if (requestState == null) {
            byte[] key = new byte[32];
            env.randomBytes(key);
            requestState = new RequestState(key, options.requestStateMillis());
        }
        return requestState;
    }

    public static McpEndpoint of(McpServer server, EndpointOptions options, Env env) {
        return new McpEndpoint(server, options, env);
    }

    public String path() {
        return options.path();
    }

    public int maxBodyBytes() {
        return options.maxBodyBytes();
    }

    public EndpointOptions options() {
        return options;
    }

    /** Ends every session and its streams; for shutdown. */
    public void close() {
        for (Session session : sessions.all()) {
            sessions.remove(session.id());
            session.close();
        }
        subscriptions.close();
    }

    public HttpResponse handle(HttpRequest request) {
        try {
            return route(request);
        } catch (RuntimeException | StackOverflowError e) {
            env.reportError("endpoint", e);
            return error(500, null, McpException.INTERNAL_ERROR, "Internal error");
        }
    }

    private HttpResponse route(HttpRequest request) {
        if (!request.path().equals(options.path())) return error(404, null, -32000, "Not found: " + request.path());
        String refused = Origins.check(request.headers(), options);
        if (refused != null) return error(403, null, -32000, "Forbidden: " + refused);
        sweep();
        return switch (request.method()) {
            case "POST" -> post(request);
            case "GET" -> get(request);
            case "DELETE" -> delete(request);
            default -> methodNotAllowed();
        };
    }

    // ---- POST -------------------------------------------------------------------------------------------------

    private HttpResponse post(HttpRequest request) {
        Headers headers = request.headers();
        if (!MediaTypes.isJson(headers.get("Content-Type"))) {
            return error(415, null, -32000, "Unsupported Media Type: Content-Type must be application/json, got "
                    + quoted(headers.get("Content-Type")));
        }
        if (!MediaTypes.acceptsJsonAndEvents(headers.all("Accept"))) {
            return error(406, null, -32000, "Not Acceptable: Accept must list application/json and text/event-stream, got "
                    + quoted(String.join(", ", headers.all("Accept"))));
        }
        if (request.body().length > options.maxBodyBytes()) {
            return error(413, null, -32000, "Payload Too Large: the body exceeds " + options.maxBodyBytes() + " bytes");
        }
        Json body;
        try {
            body = Json.parse(request.body());
        } catch (JsonParseException e) {
            return error(400, null, McpException.PARSE_ERROR, "Parse error: " + e.getMessage());
        }
        if (body instanceof JsonArray) {
            return error(400, null, McpException.INVALID_REQUEST,
                    "Invalid Request: batches are not supported (JSON-RPC batching was removed in MCP 2025-06-18); send one message per POST");
        }
        Message message;
        try {
            message = Message.parse(body);
        } catch (IllegalArgumentException e) {
            return error(400, body instanceof JsonObject o ? Message.usableId(o) : null, McpException.INVALID_REQUEST, "Invalid Request: " + e.getMessage());
        }
        if (Stateless2026.applies(message, headers)) return stateless2026.handle(message, headers);
        if (!options.serve2025()) {
            return error(400, message.id(), Stateless2026.UNSUPPORTED_VERSION, "This server speaks only MCP " + Stateless2026.VERSION
                    + ": send _meta[\"" + Stateless2026.META_VERSION + "\"] with each request");
        }
        String version = headers.get("MCP-Protocol-Version");
        if (version != null && !VERSIONS.contains(version.trim())) {
            return error(400, message.id(), -32000, "Bad Request: unsupported MCP-Protocol-Version " + quoted(version)
                    + " (supported: " + String.join(", ", VERSIONS) + ", " + Stateless2026.VERSION + ")");
        }
        if (options.mode() == EndpointOptions.Mode.STATELESS) return postStateless(message);
        if (message instanceof Message.Request r && r.method().equals("initialize")) return initialize(r);
        Session session;
        String sessionId = headers.get("Mcp-Session-Id");
        if (sessionId == null) return error(400, message.id(), -32000, "Bad Request: Mcp-Session-Id header is required; send initialize first");
        session = sessions.get(sessionId.trim());
        if (session == null) return error(404, message.id(), -32001, "Session not found: it ended or expired; initialize a new one");
        session.touch(env.currentTimeMillis());
        // instanceof, not a pattern switch: this runs in every cold start (core/README.md, "Cold start")
        if (message instanceof Message.Request r) return request(session, r);
        if (message instanceof Message.Notification n) {
            notification(session, n);
        } else {
            var response = (Message.Response) message;
            session.answer(response.id(), response.result(), response.error());
        }
        return accepted();
    }

    private HttpResponse postStateless(Message message) {
        // instanceof, not a pattern switch: this runs in every cold start (core/README.md, "Cold start")
        // A notification or a response: nobody asked, as the stateless lane sends no requests.
        if (!(message instanceof Message.Request r)) return accepted();
        return switch (r.method()) {
            case "initialize" -> {
                try {
                    yield json(200, Rpc.result(r.id(), initializeResult(negotiate(r.params()))), Headers.EMPTY);
                } catch (IllegalArgumentException e) {
                    yield json(200, Rpc.error(r.id(), McpException.INVALID_PARAMS, "Invalid params for initialize: " + e.getMessage(), null), Headers.EMPTY);
                }
            }
            case "logging/setLevel", "resources/subscribe", "resources/unsubscribe" -> {
                // accepted for compatibility; with no session there is nothing to keep them in
                yield json(200, Rpc.result(r.id(), JsonObject.builder().build()), Headers.EMPTY);
            }
            default -> serve(null, r, new CallContext.Client(VERSIONS.get(0), JsonObject.builder().build(), progressToken(r.params()), null),
                    Lane.STATELESS_2025, Map.of());
        };
    }

    private HttpResponse initialize(Message.Request r) {
        String version;
        try {
            version = negotiate(r.params());
        } catch (IllegalArgumentException e) {
            return json(200, Rpc.error(r.id(), McpException.INVALID_PARAMS, "Invalid params for initialize: " + e.getMessage(), null), Headers.EMPTY);
        }
        JsonObject capabilities = r.params().optObject("capabilities");
        var session = new Session(newSessionId(), version, capabilities == null ? JsonObject.builder().build() : capabilities,
                env.currentTimeMillis());
        if (!sessions.add(session)) {
            return error(503, r.id(), -32000, "Service Unavailable: the server holds its maximum of " + options.maxSessions()
                    + " sessions; retry later");
        }
        return json(200, Rpc.result(r.id(), initializeResult(version)), Headers.of("Mcp-Session-Id", session.id()));
    }

    private static String negotiate(JsonObject params) {
        String requested = params.string("protocolVersion");
        if (params.has("capabilities")) params.object("capabilities");
        if (params.has("clientInfo")) params.object("clientInfo");
        return VERSIONS.contains(requested) ? requested : VERSIONS.get(0);
    }

    private JsonObject initializeResult(String version) {
        McpServer server = dispatcher.server();
        return JsonObject.builder()
                .put("protocolVersion", version)
                .put("capabilities", dispatcher.capabilities())
                .put("serverInfo", Wire.serverInfo(server.info()))
                .put("instructions", server.instructions())
                .build();
    }

    private void notification(Session session, Message.Notification n) {
        if (n.method().equals("notifications/cancelled")) {
            Json requestId = n.params().get("requestId");
            RequestStream stream = requestId == null ? null : session.inFlight(requestId);
            if (stream != null) stream.cancelByClient();
        }
        // notifications/initialized, roots/list_changed and the rest need no action
    }

    private HttpResponse request(Session session, Message.Request r) {
        try {
            switch (r.method()) {
                case "logging/setLevel" -> {
                    String level = r.params().string("level");
                    LogLevel parsed = LogLevel.fromWire(level);
                    if (parsed == null) throw McpException.invalidParams("Unknown log level \"" + level + "\"; use one of debug, info, notice, warning, error, critical, alert, emergency");
                    session.logLevel(parsed);
                    return json(200, Rpc.result(r.id(), JsonObject.builder().build()), Headers.EMPTY);
                }
                case "resources/subscribe", "resources/unsubscribe" -> {
                    String uri = r.params().string("uri");
                    if (r.method().endsWith("/subscribe")) session.subscribe(uri); else session.unsubscribe(uri);
                    return json(200, Rpc.result(r.id(), JsonObject.builder().build()), Headers.EMPTY);
                }
                default -> {
                    var client = new CallContext.Client(session.protocolVersion(), session.clientCapabilities(),
                            progressToken(r.params()), session.logLevel());
                    return serve(session, r, client, Lane.SESSION, Map.of());
                }
            }
        } catch (McpException e) {
            return json(200, Rpc.error(r.id(), e.code(), e.getMessage(), e.data()), Headers.EMPTY);
        } catch (IllegalArgumentException e) {
            return json(200, Rpc.error(r.id(), McpException.INVALID_PARAMS, "Invalid params for " + r.method() + ": " + e.getMessage(), null), Headers.EMPTY);
        }
    }

    /**
     * Serves a request through the dispatcher. When the client asked for progress, or logs are on in a session, the
     * handler runs inside an event stream so that notifications reach the client as they happen. Otherwise it runs
     * now: a plain result goes back as JSON, and only a handler that logged or asked the client something turns the
     * answer into an event stream.
     */
    HttpResponse serve(Session session, Message.Request r, CallContext.Client client, Lane lane, Map<String, Json> answers) {
        if (!Dispatcher.serves(r.method())) {
            return json(200, Rpc.error(r.id(), McpException.METHOD_NOT_FOUND, "Method not found: " + r.method(), null), Headers.EMPTY);
        }
        boolean live = client.progressToken() != null || client.logLevel() != null;
        if (live) return events(open(session, r, client, lane, answers));
        var buffered = new ArrayList<JsonObject>();
        var context = new CallContext(client, (m, p) -> buffered.add(Rpc.notification(m, p)), answers, 0);
        JsonObject reply;
        try {
            reply = lane.result(r.id(), r.method(), dispatcher.call(r.method(), r.params(), context));
        } catch (McpException e) {
            reply = lane.error(r.id(), e);
        } catch (InputRequired question) {
            reply = lane.question(r.id(), r.method(), question, answers);
            if (reply == null) {
                RequestStream stream = open(session, r, client, lane, answers);
                stream.continueFrom(buffered, question);
                return events(stream);
            }
        }
        if (buffered.isEmpty()) return json(lane.status(reply), reply, Headers.EMPTY);
        return events(new FixedStream(buffered, reply));
    }

    private RequestStream open(Session session, Message.Request r, CallContext.Client client, Lane lane, Map<String, Json> answers) {
        String id = session != null ? session.nextStreamId() : "r" + nextStatelessStream();
        var stream = new RequestStream(id, r.id(), r.method(), r.params(), dispatcher, client, session, lane, answers);
        if (session != null) session.track(stream);
        return stream;
    }

    private synchronized long nextStatelessStream() {
        return ++statelessStreams;
    }

    static Json progressToken(JsonObject params) {
        JsonObject meta = params.optObject("_meta");
        Json token = meta == null ? null : meta.get("progressToken");
        return token instanceof JsonString || token instanceof JsonNumber ? token : null;
    }

    // ---- GET and DELETE ---------------------------------------------------------------------------------------

    private HttpResponse get(HttpRequest request) {
        if (options.mode() == EndpointOptions.Mode.STATELESS) return methodNotAllowed();
        Headers headers = request.headers();
        if (!MediaTypes.acceptsEvents(headers.all("Accept"))) {
            return error(406, null, -32000, "Not Acceptable: a GET stream needs Accept: text/event-stream");
        }
        String sessionId = headers.get("Mcp-Session-Id");
        if (sessionId == null) return error(400, null, -32000, "Bad Request: Mcp-Session-Id header is required");
        Session session = sessions.get(sessionId.trim());
        if (session == null) return error(404, null, -32001, "Session not found: it ended or expired; initialize a new one");
        session.touch(env.currentTimeMillis());
        String lastEventId = headers.get("Last-Event-ID");
        if (lastEventId != null) {
            String streamId = lastEventId.contains("_") ? lastEventId.substring(0, lastEventId.indexOf('_')) : lastEventId;
            SseStream stream = session.stream(streamId);
            long seq = SseStream.sequenceOf(lastEventId.trim(), streamId);
            if (stream == null || seq < 0 || !stream.resumeAfter(seq)) {
                return error(404, null, -32000, "Not found: no stream to resume at Last-Event-ID " + quoted(lastEventId));
            }
            return events(stream);
        }
        NotificationStream stream = session.openStandalone();
        if (stream == null) return error(409, null, -32000, "Conflict: this session already has a GET stream open");
        return events(stream);
    }

    private HttpResponse delete(HttpRequest request) {
        if (options.mode() == EndpointOptions.Mode.STATELESS) return methodNotAllowed();
        String sessionId = request.headers().get("Mcp-Session-Id");
        if (sessionId == null) return error(400, null, -32000, "Bad Request: Mcp-Session-Id header is required");
        Session session = sessions.remove(sessionId.trim());
        if (session == null) return error(404, null, -32001, "Session not found: it ended or expired");
        session.close();
        return new HttpResponse.Full(200, Headers.EMPTY, new byte[0]);
    }

    // ---- sessions ---------------------------------------------------------------------------------------------

    private String newSessionId() {
        var bytes = new byte[16];
        env.randomBytes(bytes);
        var id = new StringBuilder(32);
        for (byte b : bytes) {
            id.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return id.toString();
    }

    private void sweep() {
        long now = env.currentTimeMillis();
        if (now - lastSweep < SWEEP_EVERY_MILLIS) return;
        lastSweep = now;
        for (Session session : sessions.all()) {
            if (now - session.lastSeenMillis() > options.sessionIdleMillis()) {
                sessions.remove(session.id());
                session.close();
            }
        }
    }

    private void broadcast(McpServer.Change change) {
        JsonObject notification = switch (change) {
            case McpServer.Change.ToolsChanged c -> Rpc.notification("notifications/tools/list_changed", null);
            case McpServer.Change.PromptsChanged c -> Rpc.notification("notifications/prompts/list_changed", null);
            case McpServer.Change.ResourcesChanged c -> Rpc.notification("notifications/resources/list_changed", null);
            case McpServer.Change.ResourceUpdated u -> Rpc.notification("notifications/resources/updated", Json.object("uri", u.uri()));
        };
        for (Session session : sessions.all()) {
            if (change instanceof McpServer.Change.ResourceUpdated u && !session.subscribed(u.uri())) continue;
            session.notifyStandalone(notification);
        }
        subscriptions.publish(change, notification);
    }

    /** {@code subscriptions/listen} (2026-07-28): a stream of the notifications the client opted into. */
    HttpResponse listen(Message.Request request) {
        ListenStream stream;
        try {
            stream = subscriptions.open(request.id(), request.params());
        } catch (IllegalArgumentException e) {
            return json(400, Rpc.error(request.id(), McpException.INVALID_PARAMS, "Invalid params for subscriptions/listen: " + e.getMessage(), null), Headers.EMPTY);
        }
        return events(stream);
    }

    // ---- responses --------------------------------------------------------------------------------------------

    static HttpResponse json(int status, JsonObject body, Headers extra) {
        var headers = extra.toBuilder().set("Content-Type", "application/json").build();
        return new HttpResponse.Full(status, headers, Json.writeUtf8(body));
    }

    static HttpResponse events(EventStream stream) {
        return new HttpResponse.Events(200, Headers.of("Content-Type", "text/event-stream", "Cache-Control", "no-cache",
                // proxies such as nginx would otherwise hold events back until a buffer fills
                "X-Accel-Buffering", "no"), stream);
    }

    static HttpResponse accepted() {
        return new HttpResponse.Full(202, Headers.EMPTY, new byte[0]);
    }

    private HttpResponse methodNotAllowed() {
        String allow = options.mode() == EndpointOptions.Mode.STATELESS ? "POST" : "GET, POST, DELETE";
        var body = Json.writeUtf8(Rpc.error(null, -32000, "Method Not Allowed: use " + allow, null));
        return new HttpResponse.Full(405, Headers.of("Allow", allow, "Content-Type", "application/json"), body);
    }

    private static HttpResponse error(int status, Json id, int code, String message) {
        return json(status, Rpc.error(id, code, message, null), Headers.EMPTY);
    }

    private static String quoted(String value) {
        if (value == null) return "(none)";
        return "\"" + (value.length() > 100 ? value.substring(0, 100) + "..." : value) + "\"";
    }

}
