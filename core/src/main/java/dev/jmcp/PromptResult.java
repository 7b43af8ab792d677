package dev.jmcp;

import java.util.List;
import java.util.Objects;

/** A rendered prompt: an optional description and its messages. */
public record PromptResult(String description, List<PromptMessage> messages) {
    public PromptResult {
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
    }

    public static PromptResult of(PromptMessage... messages) {
        return new PromptResult(null, List.of(messages));
    }
}
