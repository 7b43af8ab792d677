package dev.jmcp.json;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable JSON object that keeps its members in insertion order. Typed getters name the member in their
 * error: {@code string("method")} on {@code {"method":1}} says "member \"method\" must be a string, found number".
 */
public sealed class JsonObject implements Json {
    static final JsonObject EMPTY = new JsonObject(new String[0], new Object[0], 0, null);

    // Members in order, in two arrays that may be longer than size; a hash index over the keys once there are
    // more than Members.LINEAR of them. A parsed object costs these three arrays, not a map entry per member.
    private final String[] keys;
    private final Object[] values; // Object[], not Json[]: see Members.values
    private final int size;
    private final int[] index;
    private Map<String, Json> view; // made on first use; racing threads each make an equal one

    private JsonObject(String[] keys, Object[] values, int size, int[] index) {
        this.keys = keys;
        this.values = values;
        this.size = size;
        this.index = index;
    }

    /**
     * An object made by {@link JsonWriter#prewritten}: the members of another (shared, they never change) and its
     * compact JSON text as UTF-8. A subclass, so that no other object pays a field for it; only this file can
     * subclass JsonObject, as its constructor is private.
     */
    static final class Prewritten extends JsonObject {
        final byte[] utf8;
        private String text; // made on first use; racing threads each make an equal one

        Prewritten(JsonObject members, byte[] utf8) {
            super(members.keys, members.values, members.size, members.index);
            this.utf8 = utf8;
        }

        /** The same String every time, so the writer can tell it by identity (see {@link JsonWriter}). */
        @Override
        public String toString() {
            String t = text;
            if (t == null) {
                t = text = Decode.utf8(utf8, 0, utf8.length);
            }
            return t;
        }

        /** The String {@link #toString} returned, or null before its first call. */
        String textIfMade() {
            return text;
        }
    }

    /** Takes ownership of what {@code members} holds; the parser and builders hand their list over without a copy. */
    static JsonObject wrap(Members members) {
        return members.size == 0 ? EMPTY : new JsonObject(members.keys, members.values, members.size, members.index);
    }

    /**
     * An object with exact-size copies of what {@code members} holds, which is left empty for reuse; its hash
     * index, if any, moves to the object. For the parser, which fills one {@link Members} per nesting depth.
     */
    static JsonObject takeCopy(Members members) {
        int n = members.size;
        var object = new JsonObject(Arrays.copyOf(members.keys, n), Arrays.copyOf(members.values, n), n, members.index);
        members.clear();
        return object;
    }

    /** A copy of {@code members}; a null key or value is an error (use {@link JsonNull#NULL} for JSON null). */
    public static JsonObject of(Map<String, ? extends Json> members) {
        if (members.isEmpty()) return EMPTY;
        var copy = new Members(members.size());
        members.forEach((name, value) -> {
            requireMember(name, value);
            copy.put(name, value);
        });
        return wrap(copy);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The members as an unmodifiable map in member order. */
    public Map<String, Json> members() {
        Map<String, Json> members = view;
        if (members == null) {
            members = view = new MapView(this);
        }
        return members;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public boolean has(String name) {
        return find(name, keys, size, index) >= 0;
    }

    /** The member, or null when absent. A JSON null member is returned as {@link JsonNull#NULL}. */
    public Json get(String name) {
        int i = find(name, keys, size, index);
        return i < 0 ? null : (Json) values[i];
    }

    String keyAt(int i) {
        return keys[i];
    }

    /** The value of the {@code i}th member, as stored: a Json, typed Object so that reading it costs no type check. */
    Object valueAt(int i) {
        return values[i];
    }

    public Optional<Json> find(String name) {
        return Optional.ofNullable(get(name));
    }

    /** A required string member. */
    public String string(String name) {
        if (require(name, "string") instanceof JsonString s) return s.value();
        throw wrongType(name, "string");
    }

    /** An optional string member: null when absent or JSON null, an error when present with another type. */
    public String optString(String name) {
        Json value = get(name);
        if (value == null || value == JsonNull.NULL) return null;
        if (value instanceof JsonString s) return s.value();
        throw wrongType(name, "string");
    }

    /** An optional object member: null when absent or JSON null, an error when present with another type. */
    public JsonObject optObject(String name) {
        Json value = get(name);
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
        var copy = new Members(size + 1);
        copy.putAll(this);
        copy.put(name, value);
        return wrap(copy);
    }

    /** A copy without the member. */
    public JsonObject without(String name) {
        if (!has(name)) return this;
        var copy = new Members(size);
        for (int i = 0; i < size; i++) {
            if (!keys[i].equals(name)) copy.put(keys[i], (Json) values[i]);
        }
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
        Json value = get(name);
        if (value == null) {
            throw new IllegalArgumentException("member \"" + name + "\" is missing (expected " + withArticle(type) + ")");
        }
        return value;
    }

    private IllegalArgumentException wrongType(String name, String type) {
        return new IllegalArgumentException("member \"" + name + "\" must be " + withArticle(type) + ", found " + get(name).typeName());
    }

    private static String withArticle(String type) {
        return (type.startsWith("o") || type.startsWith("a") ? "an " : "a ") + type;
    }

    /** Equal when both have the same members, in any order, as JSON objects are. */
    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof JsonObject other) || other.size != size) return false;
        for (int i = 0; i < size; i++) {
            if (!values[i].equals(other.get(keys[i]))) return false;
        }
        return true;
    }

    /** As {@link Map#hashCode()} of {@link #members()}. */
    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < size; i++) {
            h += keys[i].hashCode() ^ values[i].hashCode();
        }
        return h;
    }

    /** The position of {@code name} among the first {@code size} keys, or -1. */
    static int find(String name, String[] keys, int size, int[] index) {
        if (index == null) {
            for (int i = 0; i < size; i++) {
                String key = keys[i];
                if (key == name || key.equals(name)) return i;
            }
            return -1;
        }
        int mask = index.length - 1;
        for (int slot = Members.spread(name.hashCode()) & mask; ; slot = slot + 1 & mask) {
            int i = index[slot] - 1;
            if (i < 0) return -1;
            String key = keys[i];
            if (key == name || key.equals(name)) return i;
        }
    }

    @Override
    public String toString() {
        return Json.write(this);
    }

    /** Builds an object in member order; null values are skipped so the writer never emits {@code null} fields. */
    public static final class Builder {
        private Members members = new Members(8);
        private boolean built; // members belong to a built object too: copy before the next change

        private Builder() {
        }

        public Builder put(String name, Json value) {
            if (value != null) own().put(name, value);
            return this;
        }

        public Builder put(String name, String value) {
            if (value != null) own().put(name, new JsonString(value));
            return this;
        }

        public Builder put(String name, long value) {
            own().put(name, JsonNumber.of(value));
            return this;
        }

        public Builder put(String name, boolean value) {
            own().put(name, JsonBoolean.of(value));
            return this;
        }

        /** Puts a Boolean only when it is non-null. */
        public Builder putIfSet(String name, Boolean value) {
            if (value != null) own().put(name, JsonBoolean.of(value));
            return this;
        }

        public Builder putAll(JsonObject other) {
            own().putAll(other);
            return this;
        }

        public boolean has(String name) {
            return members.indexOf(name) >= 0;
        }

        /** The object; the builder stays usable and later puts do not change it. */
        public JsonObject build() {
            built = true;
            return JsonObject.wrap(members);
        }

        private Members own() {
            if (built) {
                members = members.copy();
                built = false;
            }
            return members;
        }
    }

    /** The members as a read-only {@link Map}, for code that wants one; lookups use the object's own index. */
    private static final class MapView extends AbstractMap<String, Json> {
        private final JsonObject object;

        MapView(JsonObject object) {
            this.object = object;
        }

        @Override
        public int size() {
            return object.size;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String name && object.has(name);
        }

        @Override
        public Json get(Object key) {
            return key instanceof String name ? object.get(name) : null;
        }

        @Override
        public Set<Entry<String, Json>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return object.size;
                }

                @Override
                public Iterator<Entry<String, Json>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < object.size;
                        }

                        @Override
                        public Entry<String, Json> next() {
                            if (next >= object.size) throw new NoSuchElementException();
                            int i = next++;
                            return new SimpleImmutableEntry<>(object.keys[i], (Json) object.values[i]);
                        }
                    };
                }
            };
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super Json> action) {
            for (int i = 0; i < object.size; i++) {
                action.accept(object.keys[i], (Json) object.values[i]);
            }
        }

        @Override
        public Json put(String key, Json value) {
            throw new UnsupportedOperationException("JSON objects are immutable; use JsonObject.with");
        }

        @Override
        public Json remove(Object key) {
            throw new UnsupportedOperationException("JSON objects are immutable; use JsonObject.without");
        }

        @Override
        public void clear() {
            throw new UnsupportedOperationException("JSON objects are immutable");
        }
    }
}
