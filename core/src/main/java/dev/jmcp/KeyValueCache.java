package dev.jmcp;

import java.util.Objects;
import java.util.Optional;

/**
 * Strings kept by key for a while, as a platform facility: Workers KV on Cloudflare Workers, the instance's memory on
 * the JVM runtimes (jvm, google-cloud-run, aws-lambda). A cache, not a store: an entry may be gone before its time
 * to live ends (evicted for room, held by another instance, not yet seen at another KV location), so keep in it
 * only what can be made again.
 *
 * <pre>{@code
 * KeyValueCache cache = platform.require(KeyValueCache.class);
 * String forecast = cache.get("forecast:" + city).orElseGet(() -> {
 *     String fresh = weather.forecast(city);
 *     cache.put("forecast:" + city, fresh, 600);                   // ten minutes
 *     return fresh;
 * });
 * }</pre>
 *
 * <p>The limits are Workers KV's, and every runtime enforces them, so that code which works on one works on all:
 * keys of 1 to {@value #MAX_KEY_BYTES} bytes of UTF-8 other than {@code .} and {@code ..}, values of at most
 * {@value #MAX_VALUE_BYTES} bytes, and a time to live of at least {@value #MIN_TTL_SECONDS} seconds. A call that
 * breaks one throws {@link IllegalArgumentException} saying which; a cache that fails (KV unreachable) throws
 * {@link IllegalStateException}.
 */
public interface KeyValueCache {
    int MAX_KEY_BYTES = 512;
    int MAX_VALUE_BYTES = 25 * 1024 * 1024;
    int MIN_TTL_SECONDS = 60;

    /** The value stored under {@code key}, unless there is none or it has expired. */
    Optional<String> get(String key);

    /** Stores {@code value} under {@code key} for {@code ttlSeconds}, replacing what was there. */
    void put(String key, String value, int ttlSeconds);

    /** Removes the value under {@code key}, if any. */
    void delete(String key);

    /** Refuses a key that breaks the limits above; implementations call it so that all runtimes refuse the same. */
    static void checkKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) throw new IllegalArgumentException("a cache key must not be empty");
        if (key.equals(".") || key.equals("..")) {
            throw new IllegalArgumentException("\"" + key + "\" is not allowed as a cache key (Workers KV refuses it)");
        }
        long bytes = utf8Length(key);
        if (bytes > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("a cache key is at most " + MAX_KEY_BYTES + " bytes of UTF-8; this one has "
                    + bytes + " (it starts \"" + key.substring(0, 40) + "\")");
        }
    }

    /** Refuses an entry that breaks the limits above, as {@link #checkKey} does. */
    static void checkPut(String key, String value, int ttlSeconds) {
        checkKey(key);
        Objects.requireNonNull(value, "value");
        if (ttlSeconds < MIN_TTL_SECONDS) {
            throw new IllegalArgumentException("a cache entry lives at least " + MIN_TTL_SECONDS
                    + " seconds (Workers KV's minimum time to live); got " + ttlSeconds + " for key \"" + key + "\"");
        }
        long bytes = utf8Length(value);
        if (bytes > MAX_VALUE_BYTES) {
            throw new IllegalArgumentException("a cached value is at most " + MAX_VALUE_BYTES + " bytes of UTF-8; the one for key \""
                    + key + "\" has " + bytes);
        }
    }

    /** The length of {@code s} in UTF-8, a lone surrogate counted as the 3 bytes of its replacement. */
    private static long utf8Length(String s) {
        long bytes = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
