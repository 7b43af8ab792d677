package dev.jmcp.json;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/** An immutable JSON array. */
public final class JsonArray implements Json, Iterable<Json> {
    static final JsonArray EMPTY = new JsonArray(new Object[0]);

    private final Items items;

    private JsonArray(Object[] items) {
        this.items = new Items(items);
    }

    /** Takes ownership of an exact-size array of Json values nobody else will change; for builders, without a copy. */
    static JsonArray wrap(Object[] items) {
        return items.length == 0 ? EMPTY : new JsonArray(items);
    }

    /** An array of the first {@code count} of {@code items}, copied; for the parser, which reuses its buffer. */
    static JsonArray copyOf(Object[] items, int count) {
        return count == 0 ? EMPTY : new JsonArray(Arrays.copyOf(items, count));
    }

    public static JsonArray of(List<? extends Json> items) {
        Object[] array = items.toArray();
        for (Object item : array) Objects.requireNonNull(item, "JSON array element is null; use JsonNull.NULL");
        return array.length == 0 ? EMPTY : new JsonArray(array);
    }

    public List<Json> items() {
        return items;
    }

    public int size() {
        return items.array.length;
    }

    public boolean isEmpty() {
        return items.array.length == 0;
    }

    public Json get(int index) {
        return items.get(index);
    }

    /** The element at {@code index}, as stored: a Json, typed Object so that reading it costs no type check. */
    Object itemAt(int index) {
        return items.array[index];
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
        private final Object[] array; // Json values; an Object[] for the reason Members.values gives

        Items(Object[] array) {
            this.array = array;
        }

        @Override
        public Json get(int index) {
            return (Json) array[Objects.checkIndex(index, array.length)];
        }

        @Override
        public int size() {
            return array.length;
        }
    }
}
