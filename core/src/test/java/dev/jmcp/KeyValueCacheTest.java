package dev.jmcp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The limits every KeyValueCache enforces (Workers KV's), counted in UTF-8 bytes as KV counts them. */
class KeyValueCacheTest {

    @Test
    void keysUpTo512BytesOfUtf8AreAccepted() {
        assertThatCode(() -> KeyValueCache.checkKey("k".repeat(512))).doesNotThrowAnyException();
        assertThatCode(() -> KeyValueCache.checkKey("é".repeat(256))).doesNotThrowAnyException();     // 2 bytes each
        assertThatCode(() -> KeyValueCache.checkKey("東".repeat(170) + "ab")).doesNotThrowAnyException(); // 510 + 2
        assertThatCode(() -> KeyValueCache.checkKey("🚀".repeat(128))).doesNotThrowAnyException();     // 4 bytes per pair
    }

    @Test
    void longerKeysAreRefusedWithTheirLength() {
        assertThatThrownBy(() -> KeyValueCache.checkKey("k".repeat(513)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 512 bytes of UTF-8; this one has 513");
        assertThatThrownBy(() -> KeyValueCache.checkKey("🚀".repeat(128) + "x")).hasMessageContaining("this one has 513");
        assertThatThrownBy(() -> KeyValueCache.checkKey("東".repeat(171))).hasMessageContaining("this one has 513");
        // a lone surrogate counts as the 3 bytes of the replacement character it becomes in UTF-8
        assertThatThrownBy(() -> KeyValueCache.checkKey("\uD800".repeat(171))).hasMessageContaining("this one has 513");
    }

    @Test
    void emptyDotAndDotDotAreRefused() {
        assertThatThrownBy(() -> KeyValueCache.checkKey("")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> KeyValueCache.checkKey(".")).hasMessageContaining("\".\" is not allowed");
        assertThatThrownBy(() -> KeyValueCache.checkKey("..")).hasMessageContaining("\"..\" is not allowed");
        assertThatCode(() -> KeyValueCache.checkKey("...")).doesNotThrowAnyException();
        assertThatThrownBy(() -> KeyValueCache.checkKey(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void timesToLiveUnderSixtySecondsAreRefused() {
        assertThatCode(() -> KeyValueCache.checkPut("k", "v", 60)).doesNotThrowAnyException();
        assertThatThrownBy(() -> KeyValueCache.checkPut("k", "v", 59))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 60 seconds").hasMessageContaining("got 59");
        assertThatThrownBy(() -> KeyValueCache.checkPut("k", "v", 0)).hasMessageContaining("got 0");
        assertThatThrownBy(() -> KeyValueCache.checkPut("k", "v", -5)).hasMessageContaining("got -5");
    }

    @Test
    void valuesOver25MibOfUtf8AreRefused() {
        assertThatCode(() -> KeyValueCache.checkPut("k", "v".repeat(KeyValueCache.MAX_VALUE_BYTES), 60)).doesNotThrowAnyException();
        assertThatThrownBy(() -> KeyValueCache.checkPut("k", "é".repeat(KeyValueCache.MAX_VALUE_BYTES / 2 + 1), 60))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has " + (KeyValueCache.MAX_VALUE_BYTES + 2));
        assertThatThrownBy(() -> KeyValueCache.checkPut("k", null, 60)).isInstanceOf(NullPointerException.class);
    }
}
