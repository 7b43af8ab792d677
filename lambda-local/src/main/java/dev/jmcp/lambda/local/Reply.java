package dev.jmcp.lambda.local;

import dev.jmcp.json.Json;

import java.nio.charset.StandardCharsets;

/** What an invocation came to, as the Invoke API would report it. */
public sealed interface Reply {

    /** Lambda refused the invocation before any instance saw it (HTTP status, {@code x-amzn-ErrorType}, JSON body). */
    record Rejected(int status, String errorType, String body) implements Reply {
        static Rejected of(int status, String errorType, String message, String reason) {
            var body = reason == null ? Json.object("Type", "User", "message", message)
                    : Json.object("Reason", reason, "Type", "User", "message", message);
            return new Rejected(status, errorType, Json.write(body));
        }
    }

    /** The runtime posted a whole response ({@code /response} without the streaming mode). */
    record Buffered(byte[] payload, String contentType) implements Reply {
    }

    /** The runtime streams its response; the bytes arrive through {@code stream} as it sends them. */
    record Streamed(String contentType, ByteStream stream) implements Reply {
    }

    /**
     * The function failed: it reported an error, crashed, timed out or answered too much. The Invoke API answers 200 with
     * {@code X-Amz-Function-Error: Unhandled} and {@code body}, the error document.
     */
    record FunctionError(String errorType, String body) implements Reply {
        static FunctionError of(String errorType, String message) {
            return new FunctionError(errorType, Json.write(Json.object("errorMessage", message, "errorType", errorType)));
        }

        public byte[] bodyBytes() {
            return body.getBytes(StandardCharsets.UTF_8);
        }
    }
}
