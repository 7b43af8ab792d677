package dev.jmcp;

import dev.jmcp.json.JsonObject;

/** The user's answer to an {@link Elicitation}: accepted with content, declined, or cancelled. */
public record ElicitResult(Action action, JsonObject content) {

    public enum Action { ACCEPT, DECLINE, CANCEL }

    public boolean accepted() {
        return action == Action.ACCEPT;
    }

    /** The submitted values; empty unless accepted. */
    @Override
    public JsonObject content() {
        return content == null ? JsonObject.builder().build() : content;
    }
}
