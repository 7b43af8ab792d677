package dev.jmcp.internal;

import java.util.Map;
import java.util.Set;

/**
 * Unmodifiable copies that also work under TeaVM 0.16: its {@code Map.copyOf} of an empty map yields a map whose
 * {@code get} divides by its zero-length table (a wasm trap on Workers), so empty inputs get the empty singletons.
 */
public final class Copies {
    private Copies() {
    }

    public static <K, V> Map<K, V> map(Map<K, V> map) {
        return map.isEmpty() ? Map.of() : Map.copyOf(map);
    }

    public static <T> Set<T> set(Set<T> set) {
        return set.isEmpty() ? Set.of() : Set.copyOf(set);
    }
}
