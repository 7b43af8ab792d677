package dev.jmcp.http;

import dev.jmcp.McpException;
import dev.jmcp.internal.InputRequired;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;

import java.util.Map;

/**
 * How one protocol generation frames what the dispatcher produced: results, errors, and a handler's question to
 * the client. The dispatcher and handlers are the same for every lane; only this framing differs.
 */
interface Lane {

    JsonObject result(Json id, String method, JsonObject result);

    JsonObject error(Json id, McpException error);

    /** The HTTP status of a JSON reply; 200 unless the lane's protocol fixes another for an error. */
    default int status(JsonObject reply) {
        return 200;
    }

    /**
     * The message that answers a request whose handler asked the client something, or null when the lane asks the
     * client itself with a server-to-client request (a 2025 session).
     *
     * @param answers the answers the handler already had in this round
     */
    JsonObject question(Json id, String method, InputRequired question, Map<String, Json> answers);

    /** A 2025 session: questions go to the client as server-to-client requests on the request's stream. */
    Lane SESSION = new Lane() {
        @Override
        public JsonObject result(Json id, String method, JsonObject result) {
            return Rpc.result(id, result);
        }

        @Override
        public JsonObject error(Json id, McpException error) {
            return Rpc.error(id, error.code(), error.getMessage(), error.data());
        }

        @Override
        public JsonObject question(Json id, String method, InputRequired question, Map<String, Json> answers) {
            return null;
        }
    };

    /** 2025 clients without a session: nothing can be asked, so a question is an error that says what would work. */
    Lane STATELESS_2025 = new Lane() {
        @Override
        public JsonObject result(Json id, String method, JsonObject result) {
            return Rpc.result(id, result);
        }

        @Override
        public JsonObject error(Json id, McpException error) {
            return Rpc.error(id, error.code(), error.getMessage(), error.data());
        }

        @Override
        public JsonObject question(Json id, String method, InputRequired question, Map<String, Json> answers) {
            String asked = String.join(", ", question.requests().values().stream().map(InputRequired.Request::method).distinct().toList());
            return Rpc.error(id, McpException.INTERNAL_ERROR, "This request needs " + asked + " from the client, "
                    + "which this endpoint cannot send: it is stateless and the client speaks a protocol version without "
                    + "multi-round-trip requests. Use a stateful endpoint or MCP 2026-07-28.", null);
        }
    };
}
