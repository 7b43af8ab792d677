package dev.jmcp;

/** A root the client exposes: a {@code file://} URI and an optional name. */
public record Root(String uri, String name) {
}
