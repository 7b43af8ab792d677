package dev.jmcp.json;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/** An immutable JSON array. */
public final class JsonArray implements Json, Iterable<Json> {
    static final JsonArray EMPTY = new JsonArray(List.of());

    private final List<Json> items;

    private JsonArray(List<Json> items) {
        this.items = items;
    }

    /** Takes ownership of a list nobody else will change; used by the parser and builders to avoid a copy. */
    static JsonArray wrap(List<Json> items) {
        return items.isEmpty() ? EMPTY : new JsonArray(Collections.unmodifiableList(items));
    }

    /** An array of the first {@code count} of {@code items}, copied; for the parser, which reuses its buffer. */
    static JsonArray copyOf(Json[] items, int count) {
        return new JsonArray(new Items(Arrays.copyOf(items, count)));
    }

    public static JsonArray of(List<? extends Json> items) {
        return items.isEmpty() ? EMPTY : new JsonArray(List.copyOf(items));
    }

    public List<Json> items() {
        return items;
    }

    public int size() {
        return items.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public Json get(int index) {
        return items.get(index);
    }

    @Override
    public Iterator<Json> iterator() {
        return items.iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonArray other && items.equals(other.items);
    }

    @Override
    public int hashCode() {
        return items.hashCode();
    }

    @Override
    public String toString() {
        return Json.write(this);
    }

    /** An unmodifiable list straight over an exact-size array: one object, where ArrayList needs a wrapper too. */
    private static final class Items extends AbstractList<Json> implements RandomAccess {
        private final Json[] items;

        Items(Json[] items) {
            this.items = items;
        }

        @Override
        public Json get(int index) {
            return items[Objects.checkIndex(index, items.length)];
        }

        @Override
        public int size() {
            return items.length;
        }
    }
}
