package dev.jmcp;

import dev.jmcp.json.JsonObject;
import dev.jmcp.json.JsonWriter;

import java.util.List;
import java.util.Objects;

/**
 * What a tool returns: content blocks for the model, optional structured content matching the tool's output schema,
 * and whether the call failed.
 *
 * <pre>{@code
 * return ToolResult.text("Saved note 7");
 * return ToolResult.structured(Json.object("id", 7, "title", "Groceries"));   // also sent as text, as the spec asks
 * }</pre>
 */
public record ToolResult(List<Content> content, JsonObject structuredContent, boolean isError) {
    public ToolResult {
        content = List.copyOf(Objects.requireNonNull(content, "content"));
    }

    public static ToolResult text(String text) {
        return new ToolResult(List.of(Content.text(text)), null, false);
    }

    public static ToolResult of(Content... content) {
        return new ToolResult(List.of(content), null, false);
    }

    public static ToolResult of(List<Content> content) {
        return new ToolResult(content, null, false);
    }

    /**
     * Structured content, with its JSON text as the single text block for clients that only read content. The
     * result's {@link #structuredContent()} is equal to {@code value} and keeps that text, so the response copies it
     * instead of writing the value a second time.
     */
    public static ToolResult structured(JsonObject value) {
        JsonObject written = JsonWriter.prewritten(value);
        return new ToolResult(List.of(Content.text(written.toString())), written, false);
    }

    /** A failed call whose message the model reads; same as throwing {@link ToolError}. */
    public static ToolResult error(String message) {
        return new ToolResult(List.of(Content.text(message)), null, true);
    }
}
