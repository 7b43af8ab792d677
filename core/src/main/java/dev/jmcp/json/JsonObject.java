package dev.jmcp.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable JSON object that keeps its members in insertion order. Typed getters name the member in their
 * error: {@code string("method")} on {@code {"method":1}} says "member \"method\" must be a string, found number".
 */
public final class JsonObject implements Json {
    static final JsonObject EMPTY = new JsonObject(Map.of());

    private final Map<String, Json> members;

    private JsonObject(Map<String, Json> members) {
        this.members = members;
    }

    /** Takes ownership of a map nobody else will change; used by the parser and builders to avoid a copy. */
    static JsonObject wrap(Map<String, Json> members) {
        return members.isEmpty() ? EMPTY : new JsonObject(Collections.unmodifiableMap(members));
    }

    /** A copy of {@code members}; a null key or value is an error (use {@link JsonNull#NULL} for JSON null). */
    public static JsonObject of(Map<String, ? extends Json> members) {
        if (members.isEmpty()) return EMPTY;
        var copy = new LinkedHashMap<String, Json>(members);
        copy.forEach(JsonObject::requireMember);
        return new JsonObject(Collections.unmodifiableMap(copy));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<String, Json> members() {
        return members;
    }

    public int size() {
        return members.size();
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    public boolean has(String name) {
        return members.containsKey(name);
    }

    /** The member, or null when absent. A JSON null member is returned as {@link JsonNull#NULL}. */
    public Json get(String name) {
        return members.get(name);
    }

    public Optional<Json> find(String name) {
        return Optional.ofNullable(members.get(name));
    }

    /** A required string member. */
    public String string(String name) {
        if (require(name, "string") instanceof JsonString s) return s.value();
        throw wrongType(name, "string");
    }

    /** An optional string member: null when absent or JSON null, an error when present with another type. */
    public String optString(String name) {
        Json value = members.get(name);
        if (value == null || value == JsonNull.NULL) return null;
        if (value instanceof JsonString s) return s.value();
        throw wrongType(name, "string");
    }

    /** An optional object member: null when absent or JSON null, an error when present with another type. */
    public JsonObject optObject(String name) {
        Json value = members.get(name);
        if (value == null || value == JsonNull.NULL) return null;
        if (value instanceof JsonObject o) return o;
        throw wrongType(name, "object");
    }

    public JsonObject object(String name) {
        if (require(name, "object") instanceof JsonObject o) return o;
        throw wrongType(name, "object");
    }

    public JsonArray array(String name) {
        if (require(name, "array") instanceof JsonArray a) return a;
        throw wrongType(name, "array");
    }

    public JsonNumber number(String name) {
        if (require(name, "number") instanceof JsonNumber n) return n;
        throw wrongType(name, "number");
    }

    public boolean bool(String name) {
        if (require(name, "boolean") instanceof JsonBoolean b) return b.value();
        throw wrongType(name, "boolean");
    }

    /** A copy with one member set (added at the end, or replaced in place). */
    public JsonObject with(String name, Json value) {
        requireMember(name, value);
        var copy = new LinkedHashMap<>(members);
        copy.put(name, value);
        return wrap(copy);
    }

    /** A copy without the member. */
    public JsonObject without(String name) {
        if (!members.containsKey(name)) return this;
        var copy = new LinkedHashMap<>(members);
        copy.remove(name);
        return wrap(copy);
    }

    private static void requireMember(String name, Json value) {
        if (name == null) {
            throw new NullPointerException("JSON object key is null");
        }
        if (value == null) {
            throw new NullPointerException("value of member \"" + name + "\" is null; use JsonNull.NULL for a JSON null");
        }
    }

    private Json require(String name, String type) {
        Json value = members.get(name);
        if (value == null) {
            throw new IllegalArgumentException("member \"" + name + "\" is missing (expected " + withArticle(type) + ")");
        }
        return value;
    }

    private IllegalArgumentException wrongType(String name, String type) {
        return new IllegalArgumentException("member \"" + name + "\" must be " + withArticle(type) + ", found " + members.get(name).typeName());
    }

    private static String withArticle(String type) {
        return (type.startsWith("o") || type.startsWith("a") ? "an " : "a ") + type;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonObject other && members.equals(other.members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    @Override
    public String toString() {
        return Json.write(this);
    }

    /** Builds an object in member order; null values are skipped so the writer never emits {@code null} fields. */
    public static final class Builder {
        private final LinkedHashMap<String, Json> members = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder put(String name, Json value) {
            if (value != null) members.put(name, value);
            return this;
        }

        public Builder put(String name, String value) {
            if (value != null) members.put(name, new JsonString(value));
            return this;
        }

        public Builder put(String name, long value) {
            members.put(name, JsonNumber.of(value));
            return this;
        }

        public Builder put(String name, boolean value) {
            members.put(name, JsonBoolean.of(value));
            return this;
        }

        /** Puts a Boolean only when it is non-null. */
        public Builder putIfSet(String name, Boolean value) {
            if (value != null) members.put(name, JsonBoolean.of(value));
            return this;
        }

        public Builder putAll(JsonObject other) {
            members.putAll(other.members);
            return this;
        }

        public boolean has(String name) {
            return members.containsKey(name);
        }

        public JsonObject build() {
            return JsonObject.wrap(new LinkedHashMap<>(members));
        }
    }
}
