package dev.jmcp;

/** Serves {@code tools/call} for one tool. Throw {@link ToolError} for a failure the model should read. */
@FunctionalInterface
public interface ToolHandler {
    ToolResult handle(ToolCall call) throws Exception;
}
