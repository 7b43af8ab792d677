package dev.jmcp.examples.notes;

import dev.jmcp.McpServer;
import dev.jmcp.http.EndpointOptions;
import dev.jmcp.http.Env;
import dev.jmcp.http.Headers;
import dev.jmcp.http.HttpRequest;
import dev.jmcp.http.HttpResponse;
import dev.jmcp.http.McpEndpoint;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives a server through an in-process {@link McpEndpoint}: JSON-RPC bodies in, parsed messages out. Stateless
 * unless asked; a stateful client keeps the {@code Mcp-Session-Id} that {@code initialize} hands out.
 */
final class McpClient {
    /** Handler failures the client only saw as a generic message; a test expects none. */
    final List<String> reportedErrors = new ArrayList<>();
    /** The raw SSE frames of the last streamed response. */
    final List<String> frames = new ArrayList<>();
    private final McpEndpoint endpoint;
    private int nextId = 1;
    private String session;

    McpClient(McpServer server) {
        this(server, EndpointOptions.Mode.STATELESS);
    }

    McpClient(McpServer server, EndpointOptions.Mode mode) {
        Env env = new Env() {
            private long counter;

            @Override
            public long currentTimeMillis() {
                return 1_700_000_000_000L;
            }

            @Override
            public synchronized void randomBytes(byte[] into) {
                counter++;
                for (int i = 0; i < into.length; i++) into[i] = (byte) (counter * 31 + i);
            }

            @Override
            public void reportError(String where, Throwable error) {
                reportedErrors.add(where + ": " + error);
            }
        };
        this.endpoint = McpEndpoint.of(server, EndpointOptions.builder().mode(mode).build(), env);
    }

    HttpResponse post(String json) {
        var headers = Headers.builder().add("Content-Type", "application/json").add("Accept", "application/json, text/event-stream");
        if (session != null) headers.add("Mcp-Session-Id", session);
        HttpResponse response = endpoint.handle(new HttpRequest("POST", "/mcp", headers.build(), json.getBytes(StandardCharsets.UTF_8)));
        String assigned = response.headers().get("Mcp-Session-Id");
        if (assigned != null) session = assigned;
        return response;
    }

    /** Every message the response carried: one for a JSON body, all of them for an event stream. */
    List<JsonObject> exchange(String method, JsonObject params) {
        var request = Json.object("jsonrpc", "2.0", "id", nextId++, "method", method, "params", params);
        HttpResponse response = post(Json.write(request));
        if (response.status() != 200) throw new AssertionError(method + " answered HTTP " + response.status());
        return switch (response) {
            case HttpResponse.Full full -> List.of(Json.parse(full.body()).asObject());
            case HttpResponse.Events events -> drain(events);
        };
    }

    /** The one response to a request (the last message when it streamed). */
    JsonObject response(String method, JsonObject params) {
        List<JsonObject> messages = exchange(method, params);
        return messages.get(messages.size() - 1);
    }

    /** The result of a request that must succeed. */
    JsonObject result(String method, JsonObject params) {
        JsonObject response = response(method, params);
        if (response.has("error")) throw new AssertionError(method + " failed: " + response);
        return response.object("result");
    }

    JsonObject callTool(String name, JsonObject arguments) {
        return result("tools/call", Json.object("name", name, "arguments", arguments));
    }

    /** The text of a tool result's first content block. */
    static String text(JsonObject toolResult) {
        return toolResult.array("content").get(0).asObject().string("text");
    }

    /** Whether a tool result is an error; {@code isError} is left out when false. */
    static boolean isError(JsonObject toolResult) {
        return toolResult.has("isError") && toolResult.bool("isError");
    }

    private List<JsonObject> drain(HttpResponse.Events events) {
        frames.clear();
        for (int round = 0; !events.events().pump(frames::add); round++) {
            if (round > 100) throw new AssertionError("the event stream did not end: " + frames);
        }
        var messages = new ArrayList<JsonObject>();
        for (String frame : frames) {
            for (String line : frame.split("\n")) {
                if (line.startsWith("data: ") && line.length() > "data: ".length()) {
                    messages.add(Json.parse(line.substring("data: ".length())).asObject());
                }
            }
        }
        return messages;
    }
}
