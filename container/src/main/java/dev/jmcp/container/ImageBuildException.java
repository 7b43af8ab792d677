package dev.jmcp.container;

/** A build step failed; the message names the step and what to look at (a log file, a missing tool). */
public final class ImageBuildException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ImageBuildException(String message) {
        super(message);
    }

    public ImageBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
