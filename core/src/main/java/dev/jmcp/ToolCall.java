package dev.jmcp;

import dev.jmcp.json.JsonObject;

import java.util.Optional;

/** One {@code tools/call}: the arguments, read through {@link Arg}s, and what every {@link McpCall} can do. */
public interface ToolCall extends McpCall {

    String toolName();

    /** The raw arguments ({@code {}} when the client sent none). */
    JsonObject arguments();

    /** The argument's value, or its default; a missing required one or a bad value fails the call for the model to fix. */
    default <T> T get(Arg<T> arg) {
        return arg.decode(arguments());
    }

    /** The argument's value when the client sent one. */
    default <T> Optional<T> find(Arg<T> arg) {
        return Optional.ofNullable(arg.decode(arguments()));
    }
}
