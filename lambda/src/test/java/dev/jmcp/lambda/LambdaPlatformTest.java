package dev.jmcp.lambda;

import dev.jmcp.KeyValueCache;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LambdaPlatformTest {

    @Test
    void theCacheIsTheInstancesOwnAndOutlivesAnInvocation() {
        try (var instance = new LambdaPlatform("app", Map.of()); var other = new LambdaPlatform("app", Map.of())) {
            KeyValueCache cache = instance.require(KeyValueCache.class);
            cache.put("rates", "1.08", 300);
            // a later invocation asks the same instance's platform again
            assertThat(instance.require(KeyValueCache.class)).isSameAs(cache);
            assertThat(instance.require(KeyValueCache.class).get("rates")).contains("1.08");
            assertThat(other.require(KeyValueCache.class).get("rates")).isEmpty();
        }
    }

    @Test
    void aBadBudgetIsNamedWhenTheCacheIsFirstUsed() {
        try (var platform = new LambdaPlatform("app", Map.of("JMCP_CACHE_MAX_MB", "lots"))) {
            assertThatThrownBy(() -> platform.require(KeyValueCache.class))
                    .hasMessageContaining("JMCP_CACHE_MAX_MB must be a whole number of megabytes");
        }
    }

    @Test
    void anAbsentFacilityNamesWhatTheRuntimeOffers() {
        try (var platform = new LambdaPlatform("app", Map.of())) {
            assertThatThrownBy(() -> platform.require(Runnable.class))
                    .hasMessage("The aws-lambda runtime provides no Runnable; it offers SqlDatabase and KeyValueCache");
        }
    }
}
