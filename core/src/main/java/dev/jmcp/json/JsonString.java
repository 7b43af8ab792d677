package dev.jmcp.json;

import java.util.Objects;

public record JsonString(String value) implements Json {
    public JsonString {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return Json.write(this);
    }
}
