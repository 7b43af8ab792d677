package dev.jmcp.http;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonNumber;
import dev.jmcp.json.JsonObject;
import dev.jmcp.json.JsonString;

/** One JSON-RPC 2.0 message as it arrived, checked for shape. */
sealed interface Message {

    /** The id, or null for a notification. */
    Json id();

    record Request(Json id, String method, JsonObject params) implements Message {
    }

    record Notification(String method, JsonObject params) implements Message {
        @Override
        public Json id() {
            return null;
        }
    }

    /** The client's answer to a request the server sent: exactly one of result and error is set. */
    record Response(Json id, JsonObject result, JsonObject error) implements Message {
    }

    /** Classifies a parsed body; an {@link IllegalArgumentException} says what is wrong with it. */
    static Message parse(Json body) {
        if (!(body instanceof JsonObject o)) throw new IllegalArgumentException("the body must be a JSON-RPC object, got " + body.typeName());
        if (!(o.get("jsonrpc") instanceof JsonString v) || !v.value().equals("2.0")) {
            throw new IllegalArgumentException("\"jsonrpc\" must be \"2.0\"");
        }
        Json id = o.get("id");
        if (id != null && !(id instanceof JsonString) && !(id instanceof JsonNumber n && n.isIntegral())) {
            throw new IllegalArgumentException("\"id\" must be a string or an integer, got " + id.typeName());
        }
        Json method = o.get("method");
        if (method != null) {
            if (!(method instanceof JsonString m)) throw new IllegalArgumentException("\"method\" must be a string, got " + method.typeName());
            Json params = o.get("params");
            if (params != null && !(params instanceof JsonObject)) {
                throw new IllegalArgumentException("\"params\" must be an object, got " + params.typeName());
            }
            JsonObject p = params == null ? JsonObject.builder().build() : (JsonObject) params;
            return id == null ? new Notification(m.value(), p) : new Request(id, m.value(), p);
        }
        Json result = o.get("result");
        Json error = o.get("error");
        if (id == null || (result == null && error == null)) {
            throw new IllegalArgumentException("a message needs \"method\" (request or notification) or \"id\" with \"result\" or \"error\" (response)");
        }
        if ((result == null) == (error == null)) throw new IllegalArgumentException("a response needs exactly one of \"result\" and \"error\"");
        if (result != null && !(result instanceof JsonObject)) throw new IllegalArgumentException("\"result\" must be an object");
        if (error != null && !(error instanceof JsonObject)) throw new IllegalArgumentException("\"error\" must be an object");
        return new Response(id, (JsonObject) result, (JsonObject) error);
    }

    /** The id of a malformed message when it is a usable one, so the error can name it. */
    static Json usableId(JsonObject o) {
        Json id = o.get("id");
        return id instanceof JsonString || id instanceof JsonNumber ? id : null;
    }
}
