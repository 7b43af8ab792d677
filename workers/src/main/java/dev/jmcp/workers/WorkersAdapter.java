package dev.jmcp.workers;

import dev.jmcp.McpApplication;
import dev.jmcp.McpServer;
import dev.jmcp.http.EventStream;
import dev.jmcp.http.Headers;
import dev.jmcp.http.HttpRequest;
import dev.jmcp.http.HttpResponse;
import dev.jmcp.http.McpEndpoint;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonArray;
import dev.jmcp.json.JsonNull;
import dev.jmcp.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * One application served in one Worker isolate: turns the Worker module's calls into {@link McpEndpoint#handle} calls
 * and back. Bodies cross the JS/wasm boundary as bytes, the rest as short strings: a string crosses char by char and
 * then needs TeaVM's UTF-8 charset code to become bytes (a 256 KiB echo took 23.5 ms that way, 10.4 ms as bytes).
 *
 * <p>An {@link HttpResponse.Events} response stays here under a number while the Worker streams it: the Worker
 * calls {@link #pump} for the events that are ready, and after every call into Java asks {@link #woken} which
 * streams core has woken since (a wake can only come from Java code running on the isolate's one thread, so
 * polling after each call misses none). Nothing blocks: waiting is the Worker's event loop.
 */
public final class WorkersAdapter {
    private final McpEndpoint endpoint;
    private final String startFailure;
    private final Map<Integer, EventStream> streams = new HashMap<>();
    private final LinkedHashSet<Integer> woken = new LinkedHashSet<>();
    private int nextStream = 1;

    private WorkersAdapter(McpEndpoint endpoint, String startFailure) {
        this.endpoint = endpoint;
        this.startFailure = startFailure;
    }

    /**
     * Creates the application's server and its endpoint. Never throws: a failure (a missing facility, a bad
     * setting) is kept, {@link #startFailure()} describes it for the Worker's log, and every request is answered
     * with a JSON-RPC internal error.
     */
    public static WorkersAdapter start(McpApplication application, Map<String, String> config, WorkersPlatform platform,
                                       RandomSource random, WorkersEnv.ErrorLog log) {
        try {
            var options = WorkersConfig.endpointOptions(config);
            McpServer server = application.create(platform);
            return new WorkersAdapter(McpEndpoint.of(server, options, new WorkersEnv(random, log)), null);
        } catch (RuntimeException e) {
            String message = "jmcp: " + application.getClass().getName() + " did not start on " + WorkersPlatform.RUNTIME + ": "
                    + (e.getMessage() != null ? e.getMessage() : e.toString());
            return new WorkersAdapter(null, message);
        }
    }

    /** Why the application did not start, or null when it did. */
    public String startFailure() {
        return startFailure;
    }

    public int maxBodyBytes() {
        return endpoint == null ? 1 << 20 : endpoint.maxBodyBytes();
    }

    /**
     * What {@link #handle} answers: {@code head} is the UTF-8 of a JSON object
     * {@code {"status", "headers": [[name, value]...]}}, with {@code "stream": n} for an event stream to
     * {@link #pump}; {@code body} is a whole response's body, null for a stream. The head is bytes, not a String,
     * because the Worker decodes it with the platform's TextDecoder: as a String it would make TeaVM compile and run
     * its charset decoder on every cold start's first request (about 7 KB of wasm).
     */
    public record Answer(byte[] head, byte[] body) {
    }

    /** Serves one request. {@code headersJson} is a JSON array of {@code [name, value]} pairs. */
    public Answer handle(String method, String path, String headersJson, byte[] body) {
        if (endpoint == null) {
            return new Answer(Json.writeUtf8(Json.object("status", 500, "headers", Json.array(Json.array("content-type", "application/json")))),
                    Json.writeUtf8(Json.object("jsonrpc", "2.0", "id", JsonNull.NULL, "error",
                            Json.object("code", -32603, "message", "Internal error: the server did not start; see the Worker's log"))));
        }
        var headers = Headers.builder();
        for (Json pair : Json.parse(headersJson).asArray()) {
            JsonArray p = pair.asArray();
            headers.add(p.get(0).asString(), p.get(1).asString());
        }
        HttpResponse response = endpoint.handle(new HttpRequest(method, path, headers.build(), body == null ? new byte[0] : body));
        var head = JsonObject.builder().put("status", response.status()).put("headers", headerPairs(response.headers()));
        byte[] responseBody = null;
        switch (response) {
            case HttpResponse.Full full -> responseBody = full.body();
            case HttpResponse.Events events -> {
                int id = nextStream++;
                streams.put(id, events.events());
                events.events().onWake(() -> woken.add(id));
                head.put("stream", id);
            }
        }
        return new Answer(Json.writeUtf8(head.build()), responseBody);
    }

    /**
     * Runs the stream's work and answers the events that are ready, prefixed with {@code "1"} when the stream has
     * ended (it is then forgotten) or {@code "0"} when it waits for a wake. An unknown stream has ended.
     */
    public String pump(int id) {
        EventStream stream = streams.get(id);
        if (stream == null) return "1";
        var frames = new StringBuilder("0");
        boolean done;
        try {
            done = stream.pump(frames::append);
        } catch (RuntimeException e) {
            streams.remove(id);
            stream.cancel();
            throw e;
        }
        if (done) {
            streams.remove(id);
            frames.setCharAt(0, '1');
        }
        return frames.toString();
    }

    /** The client went away or the Worker gave up waiting. */
    public void cancel(int id) {
        EventStream stream = streams.remove(id);
        woken.remove(id);
        if (stream != null) stream.cancel();
    }

    /** The streams woken since the last call, comma-separated; each is worth a {@link #pump}. */
    public String woken() {
        if (woken.isEmpty()) return "";
        var ids = new StringBuilder();
        for (int id : woken) {
            if (streams.containsKey(id)) ids.append(ids.isEmpty() ? "" : ",").append(id);
        }
        woken.clear();
        return ids.toString();
    }

    /** Header fields as JSON pairs; a repeated name stays repeated (the Worker appends each). */
    private static JsonArray headerPairs(Headers headers) {
        List<Json> pairs = new ArrayList<>();
        for (Headers.Field f : headers.fields()) pairs.add(Json.array(f.name(), f.value()));
        return JsonArray.of(pairs);
    }
}
