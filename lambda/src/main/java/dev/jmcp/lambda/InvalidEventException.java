package dev.jmcp.lambda;

/**
 * A Lambda event that is not an HTTP event jmcp can serve: not JSON, not an object, from another event source
 * (SQS, S3, a test event), or with a member of the wrong type. The message says which and what was expected. The
 * runtime reports it as the invocation's error ({@code Runtime.InvalidEvent}); the instance keeps serving.
 */
public final class InvalidEventException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
