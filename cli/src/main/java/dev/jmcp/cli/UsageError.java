package dev.jmcp.cli;

/** The user asked for something that cannot be: exit 2 with this message. */
final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
        super(message);
    }
}
