package dev.jmcp;

/** Who speaks a prompt or sampling message. */
public enum Role {
    USER, ASSISTANT;

    public String wireName() {
        return this == USER ? "user" : "assistant";
    }
}
