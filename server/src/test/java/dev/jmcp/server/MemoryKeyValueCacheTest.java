package dev.jmcp.server;

import dev.jmcp.KeyValueCache;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemoryKeyValueCacheTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(Long.MAX_VALUE - 100 * SECOND); // expiry must survive nanoTime wrapping

    private MemoryKeyValueCache cache(long maxBytes) {
        return new MemoryKeyValueCache(maxBytes, now::get);
    }

    @Test
    void anEntryLivesForItsTimeToLive() {
        var cache = cache(1 << 20);
        cache.put("k", "v", 60);
        now.addAndGet(59 * SECOND);
        assertThat(cache.get("k")).contains("v");
        now.addAndGet(SECOND);
        assertThat(cache.get("k")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void putReplacesAndDeleteRemoves() {
        var cache = cache(1 << 20);
        cache.put("k", "one", 60);
        cache.put("k", "two", 120);
        assertThat(cache.get("k")).contains("two");
        now.addAndGet(100 * SECOND);
        assertThat(cache.get("k")).contains("two"); // the second put's time to live counts
        cache.delete("k");
        cache.delete("never there");
        assertThat(cache.get("k")).isEmpty();
    }

    @Test
    void overTheBudgetTheLeastRecentlyUsedGoFirst() {
        // each entry: 96 + 2 * (1 + 100) = 298 bytes; three fit in 900
        var cache = cache(900);
        String value = "x".repeat(100);
        cache.put("a", value, 60);
        cache.put("b", value, 60);
        cache.put("c", value, 60);
        assertThat(cache.get("a")).isPresent(); // now b is the least recently used
        cache.put("d", value, 60);
        assertThat(cache.get("b")).isEmpty();
        assertThat(cache.get("a")).isPresent();
        assertThat(cache.get("c")).isPresent();
        assertThat(cache.get("d")).isPresent();
    }

    @Test
    void expiredEntriesAreDroppedBeforeLiveOnes() {
        var cache = cache(1000); // each entry 96 + 2 * (5 + 100) = 306 bytes: three fit, four do not
        String value = "x".repeat(100);
        cache.put("short", value, 60);
        cache.put("long1", value, 600);
        cache.put("long2", value, 600);
        assertThat(cache.get("short")).isPresent(); // most recently used, but it will have expired
        now.addAndGet(61 * SECOND);
        cache.put("new", value, 600);
        assertThat(cache.get("long1")).isPresent();
        assertThat(cache.get("long2")).isPresent();
        assertThat(cache.get("new")).isPresent();
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void aValueLargerThanTheWholeBudgetIsNotKeptAndDropsTheOldOne() {
        var cache = cache(500);
        cache.put("k", "small", 60);
        cache.put("k", "x".repeat(300), 60);
        assertThat(cache.get("k")).isEmpty();
        cache.put("other", "fits", 60);
        assertThat(cache.get("other")).contains("fits");
    }

    @Test
    void theLimitsAreKvsOnTheJvmToo() {
        var cache = cache(1 << 20);
        assertThatThrownBy(() -> cache.put("k", "v", 30)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 60");
        assertThatThrownBy(() -> cache.get("..")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache.delete("k".repeat(600))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBudgetComesFromConfiguration() {
        assertThat(MemoryKeyValueCache.configured(new JvmPlatform("app", Map.of()))).hasToString("MemoryKeyValueCache[budget 33554432 bytes]");
        assertThat(MemoryKeyValueCache.configured(new JvmPlatform("app", Map.of(MemoryKeyValueCache.MAX_MB, " 2 "))))
                .hasToString("MemoryKeyValueCache[budget 2097152 bytes]");
        for (String bad : new String[] {"0", "-1", "lots", "1.5", "9999999"}) {
            assertThatThrownBy(() -> MemoryKeyValueCache.configured(new JvmPlatform("app", Map.of(MemoryKeyValueCache.MAX_MB, bad))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("JMCP_CACHE_MAX_MB must be a whole number of megabytes from 1 to 1048576; it is \"" + bad + "\"");
        }
    }

    @Test
    void theJvmPlatformGivesOneCacheForItsLife() {
        try (var platform = new JvmPlatform("app", Map.of())) {
            KeyValueCache cache = platform.require(KeyValueCache.class);
            cache.put("k", "v", 60);
            assertThat(platform.require(KeyValueCache.class)).isSameAs(cache);
            assertThat(platform.require(KeyValueCache.class).get("k")).contains("v");
        }
    }
}
