package dev.jmcp.json;

/** A value had another JSON type than the one asked for. The message names both. */
public final class JsonTypeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    JsonTypeException(String expected, Json actual) {
        super("expected a JSON " + expected + " but found " + actual.typeName());
    }
}
