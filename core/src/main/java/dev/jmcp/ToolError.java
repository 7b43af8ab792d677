package dev.jmcp;

/**
 * Thrown by a tool handler to report a failure the model should read: it becomes a {@code tools/call} result with
 * {@code isError: true} and this message as its text, unchanged. Write messages for the model: say what was wrong
 * and what would work ("Unknown city \"Brgen\". Known: Bergen, Oslo").
 */
public final class ToolError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ToolError(String message) {
        super(message, null, false, false);
    }
}
