package dev.jmcp;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;

/**
 * An error that becomes a JSON-RPC error response with this code, message and optional data. Thrown from a handler
 * (or by jmcp itself) when the request cannot be served at all. A tool that ran and failed throws {@link ToolError}
 * instead, so the model can read what went wrong.
 */
public class McpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** 2025-11-25 resource not found; 2026-07-28 uses {@link #INVALID_PARAMS} with {@code data.uri}. */
    public static final int RESOURCE_NOT_FOUND = -32002;
    public static final int URL_ELICITATION_REQUIRED = -32042;
    /** MCP 2026-07-28's MissingRequiredClientCapability; also used for 2025 clients, whose revisions have no code for it. */
    public static final int MISSING_CLIENT_CAPABILITY = -32021;

    private final int code;
    private final transient Json data;

    public McpException(int code, String message) {
        this(code, message, null);
    }

    public McpException(int code, String message, Json data) {
        super(message, null, false, false);
        this.code = code;
        this.data = data;
    }

    public static McpException invalidParams(String message) {
        return new McpException(INVALID_PARAMS, message);
    }

    public static McpException methodNotFound(String method) {
        return new McpException(METHOD_NOT_FOUND, "Method not found: " + method);
    }

    /** The resource does not exist; the endpoint maps it to the code the negotiated protocol version wants. */
    public static McpException resourceNotFound(String uri) {
        return new McpException(RESOURCE_NOT_FOUND, "Resource not found: " + uri, Json.object("uri", uri));
    }

    /**
     * The request needs a client capability the client did not declare.
     *
     * @param required the capabilities needed, as a ClientCapabilities object, e.g. {@code {"sampling":{}}}
     */
    public static McpException missingClientCapability(JsonObject required, String what) {
        return new McpException(MISSING_CLIENT_CAPABILITY,
                "This request needs the client capability " + what + ", which the client did not declare",
                Json.object("requiredCapabilities", required));
    }

    public int code() {
        return code;
    }

    /** Extra error data, or null. */
    public Json data() {
        return data;
    }
}
