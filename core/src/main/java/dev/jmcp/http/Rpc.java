package dev.jmcp.http;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonNull;
import dev.jmcp.json.JsonObject;

/** JSON-RPC 2.0 message builders. */
final class Rpc {
    private Rpc() {
    }

    static JsonObject result(Json id, JsonObject result) {
        return JsonObject.builder().put("jsonrpc", "2.0").put("id", id).put("result", result).build();
    }

    static JsonObject error(Json id, int code, String message, Json data) {
        var error = JsonObject.builder().put("code", code).put("message", message).put("data", data).build();
        return JsonObject.builder().put("jsonrpc", "2.0").put("id", id == null ? JsonNull.NULL : id).put("error", error).build();
    }

    static JsonObject notification(String method, JsonObject params) {
        return JsonObject.builder().put("jsonrpc", "2.0").put("method", method).put("params", params).build();
    }

    static JsonObject request(Json id, String method, JsonObject params) {
        return JsonObject.builder().put("jsonrpc", "2.0").put("id", id).put("method", method).put("params", params).build();
    }
}
