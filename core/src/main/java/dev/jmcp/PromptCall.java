package dev.jmcp;

import dev.jmcp.json.JsonObject;

/** One {@code prompts/get}: prompt arguments are strings, read through {@code Arg<String>}s. */
public interface PromptCall extends McpCall {

    String promptName();

    JsonObject arguments();

    default <T> T get(Arg<T> arg) {
        return arg.decode(arguments());
    }
}
