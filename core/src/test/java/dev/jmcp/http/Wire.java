package dev.jmcp.http;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A test client for an in-process {@link McpEndpoint}: raw requests in, parsed responses out. */
final class Wire {
    static final Env ENV = new Env() {
        private long counter;

        @Override
        public long currentTimeMillis() {
            return 1_000_000L;
        }

        @Override
        public synchronized void randomBytes(byte[] into) {
            counter++;
            for (int i = 0; i < into.length; i++) into[i] = (byte) (counter * 31 + i);
        }
    };

    final McpEndpoint endpoint;
    String session;

    Wire(McpEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    static Headers postHeaders(String session) {
        var h = Headers.builder().add("Content-Type", "application/json").add("Accept", "application/json, text/event-stream")
                .add("Host", "127.0.0.1:8080");
        if (session != null) h.add("Mcp-Session-Id", session);
        return h.build();
    }

    HttpResponse post(String json) {
        return endpoint.handle(new HttpRequest("POST", "/mcp", postHeaders(session), json.getBytes(StandardCharsets.UTF_8)));
    }

    HttpResponse raw(String method, Headers headers, byte[] body) {
        return endpoint.handle(new HttpRequest(method, "/mcp", headers, body));
    }

    void initialize(String capabilities) {
        var r = (HttpResponse.Full) post("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                + "\"capabilities\":" + capabilities + ",\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}");
        session = r.headers().get("Mcp-Session-Id");
        post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    }

    static JsonObject body(HttpResponse response) {
        return Json.parse(((HttpResponse.Full) response).body()).asObject();
    }

    /** Pumps an event stream until it ends or waits; answers the messages it carried. */
    static List<JsonObject> drain(HttpResponse response) {
        var frames = new ArrayList<String>();
        ((HttpResponse.Events) response).events().pump(frames::add);
        return messages(frames);
    }

    static List<JsonObject> messages(List<String> frames) {
        var messages = new ArrayList<JsonObject>();
        for (String frame : frames) {
            for (String line : frame.split("\n")) {
                if (line.startsWith("data: ") && line.length() > 6) messages.add(Json.parse(line.substring(6)).asObject());
            }
        }
        return messages;
    }
}
