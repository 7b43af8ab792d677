package dev.jmcp;

import java.util.List;
import java.util.Objects;

/** A request for the client's language model to produce a message. */
public record SamplingRequest(List<PromptMessage> messages, int maxTokens, String systemPrompt) {
    public SamplingRequest {
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        if (messages.isEmpty()) throw new IllegalArgumentException("a sampling request needs at least one message");
        if (maxTokens < 1) throw new IllegalArgumentException("maxTokens < 1: " + maxTokens);
    }

    public static SamplingRequest of(String userText, int maxTokens) {
        return new SamplingRequest(List.of(PromptMessage.user(userText)), maxTokens, null);
    }
}
