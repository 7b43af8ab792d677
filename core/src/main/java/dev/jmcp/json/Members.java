package dev.jmcp.json;

import java.util.Arrays;

/**
 * The members of an object being built (by the parser, {@link Json#object}, {@link JsonObject.Builder}): keys and
 * values in order in two arrays, plus a hash index over the keys once there are more than {@link #LINEAR}. Small
 * objects, most of MCP's, are searched linearly, which beats hashing for a handful of short keys. {@link JsonObject}
 * takes the arrays over as they are.
 */
final class Members {
    static final int LINEAR = 8;

    String[] keys;
    /**
     * Json values, in an Object[]: a store into a Json[] costs a type check (the JIT does not trust interface types,
     * so it checks each value against Json), a store into an Object[] none.
     */
    Object[] values;
    int size;
    /** Open addressing with linear probing: slot holds position + 1, 0 is empty; at most half full. */
    int[] index;
    /** The bits {@link #addNew} was given for the keys so far; all bits once a key came without one. */
    long keyBits;

    Members(int capacity) {
        int n = Math.max(capacity, 2);
        keys = new String[n];
        values = new Object[n];
    }

    static int spread(int hash) {
        return hash ^ hash >>> 16;
    }

    int indexOf(String name) {
        return JsonObject.find(name, keys, size, index);
    }

    /** Sets the member: replaced in place when the key is there, else added at the end. */
    void put(String name, Json value) {
        keyBits = -1L; // addNew must not trust the bits after this
        int i = indexOf(name);
        if (i >= 0) {
            values[i] = value;
        } else {
            append(name, value);
        }
    }

    /**
     * Adds the member unless the key is there already; returns false then and changes nothing. For the parser, which
     * passes {@code bit}: one bit picked by a hash of the key's text, or 0 when it has no such hash. A key whose bit
     * no earlier key set is new, so most keys of an object are added without a single comparison.
     */
    boolean addNew(String name, Json value, long bit) {
        boolean maybeThere = bit == 0 || (keyBits & bit) != 0;
        if (maybeThere && indexOf(name) >= 0) return false;
        keyBits |= bit == 0 ? -1L : bit;
        append(name, value);
        return true;
    }

    void putAll(JsonObject other) {
        for (int i = 0, n = other.size(); i < n; i++) {
            put(other.keyAt(i), (Json) other.valueAt(i));
        }
    }

    private void append(String name, Json value) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = name;
        values[size] = value;
        size++;
        if (index != null) {
            if (size * 2 > index.length) {
                reindex(index.length * 2);
            } else {
                insert(index, size - 1);
            }
        } else if (size > LINEAR) {
            reindex(Integer.highestOneBit(size) * 4);
        }
    }

    private void reindex(int slots) {
        int[] table = new int[slots];
        for (int i = 0; i < size; i++) insert(table, i);
        index = table;
    }

    private void insert(int[] table, int i) {
        int mask = table.length - 1;
        int slot = spread(keys[i].hashCode()) & mask;
        while (table[slot] != 0) slot = slot + 1 & mask;
        table[slot] = i + 1;
    }

    /** Empties this for reuse; the arrays stay, the index is dropped (an object may have taken it over). */
    void clear() {
        size = 0;
        index = null;
        keyBits = 0;
    }

    Members copy() {
        Members copy = new Members(0);
        copy.keys = keys.clone();
        copy.values = values.clone();
        copy.size = size;
        copy.index = index == null ? null : index.clone();
        copy.keyBits = keyBits;
        return copy;
    }
}
