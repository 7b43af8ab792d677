package dev.jmcp.server;

import dev.jmcp.KeyValueCache;
import dev.jmcp.Platform;
import dev.jmcp.Shared;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The JVM runtimes' {@link KeyValueCache}: entries in this process's memory, dropped when they expire and, least
 * recently used first, when the entries' size passes a budget ({@value #MAX_MB} megabytes, default
 * {@value #DEFAULT_MAX_MB}). Each process has its own: Cloud Run instances and Lambda instances do not share it, and
 * it is gone when the instance is. A value larger than the whole budget is not kept.
 */
public final class MemoryKeyValueCache implements KeyValueCache {
    public static final String MAX_MB = "JMCP_CACHE_MAX_MB";
    static final int DEFAULT_MAX_MB = 32;
    /** The runtime instance's cache: a platform offers {@code platform.shared(SHARED)} as its {@link KeyValueCache}. */
    public static final Shared<MemoryKeyValueCache> SHARED = Shared.of("jmcp cache", MemoryKeyValueCache::configured);
    /** What an entry costs beyond its chars: the map node, the entry record and two String headers, roughly. */
    private static final long ENTRY_OVERHEAD = 96;

    private final long maxBytes;
    private final LongSupplier nanoTime;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true); // access order
    private long bytes;

    private record Entry(String value, long expiresAt, long size) {
    }

    /**
     * @param maxBytes the budget for all entries, counted as 2 bytes per char plus a fixed cost per entry
     * @param nanoTime the clock expiry is measured on, {@code System::nanoTime} but in tests
     */
    MemoryKeyValueCache(long maxBytes, LongSupplier nanoTime) {
        if (maxBytes <= 0) throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        this.maxBytes = maxBytes;
        this.nanoTime = nanoTime;
    }

    /** A cache with the budget the platform's {@value #MAX_MB} gives. */
    public static MemoryKeyValueCache configured(Platform platform) {
        long mb = DEFAULT_MAX_MB;
        String text = platform.config(MAX_MB).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (text != null) {
            try {
                mb = Long.parseLong(text);
            } catch (NumberFormatException e) {
                mb = -1;
            }
            if (mb < 1 || mb > 1 << 20) {
                throw new IllegalStateException(MAX_MB + " must be a whole number of megabytes from 1 to " + (1 << 20)
                        + "; it is \"" + text + "\"");
            }
        }
        return new MemoryKeyValueCache(mb << 20, System::nanoTime);
    }

    @Override
    public synchronized Optional<String> get(String key) {
        KeyValueCache.checkKey(key);
        Entry entry = entries.get(key);
        if (entry == null) return Optional.empty();
        if (nanoTime.getAsLong() - entry.expiresAt >= 0) {
            remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.value);
    }

    @Override
    public synchronized void put(String key, String value, int ttlSeconds) {
        KeyValueCache.checkPut(key, value, ttlSeconds);
        remove(key);
        long size = ENTRY_OVERHEAD + 2L * (key.length() + value.length());
        if (size > maxBytes) return;
        entries.put(key, new Entry(value, nanoTime.getAsLong() + ttlSeconds * 1_000_000_000L, size));
        bytes += size;
        if (bytes > maxBytes) evict();
    }

    @Override
    public synchronized void delete(String key) {
        KeyValueCache.checkKey(key);
        remove(key);
    }

    /** Expired entries first, then the least recently used, until the entries fit the budget. */
    private void evict() {
        long now = nanoTime.getAsLong();
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (now - entry.expiresAt >= 0) {
                it.remove();
                bytes -= entry.size;
            }
        }
        for (Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator(); bytes > maxBytes && it.hasNext(); ) {
            bytes -= it.next().getValue().size;
            it.remove();
        }
    }

    private void remove(String key) {
        Entry old = entries.remove(key);
        if (old != null) bytes -= old.size;
    }

    synchronized int size() {
        return entries.size();
    }

    @Override
    public String toString() {
        return "MemoryKeyValueCache[budget " + maxBytes + " bytes]";
    }
}
