package dev.jmcp;

import java.util.Objects;

/** One message of a prompt or a sampling request. */
public record PromptMessage(Role role, Content content) {
    public PromptMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    public static PromptMessage user(String text) {
        return new PromptMessage(Role.USER, Content.text(text));
    }

    public static PromptMessage user(Content content) {
        return new PromptMessage(Role.USER, content);
    }

    public static PromptMessage assistant(String text) {
        return new PromptMessage(Role.ASSISTANT, Content.text(text));
    }
}
