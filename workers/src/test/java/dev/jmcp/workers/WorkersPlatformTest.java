package dev.jmcp.workers;

import dev.jmcp.SqlDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkersPlatformTest {

    /** A provider that counts how often it is asked. */
    private static final class Counting implements FacilityProvider<CharSequence> {
        int created;

        @Override
        public Class<CharSequence> type() {
            return CharSequence.class;
        }

        @Override
        public Optional<CharSequence> create(WorkersPlatform platform) {
            created++;
            return platform.config("GREETING").map(g -> g);
        }
    }

    @Test
    void config_comes_from_the_workers_vars() {
        var platform = new WorkersPlatform(Map.of("A", "1"), null, List.of());
        assertThat(platform.runtime()).isEqualTo("cloudflare-workers");
        assertThat(platform.config("A")).contains("1");
        assertThat(platform.config("B")).isEmpty();
    }

    @Test
    void a_facility_is_made_once_by_the_provider_for_its_exact_type() {
        var counting = new Counting();
        var platform = new WorkersPlatform(Map.of("GREETING", "hi"), null, List.of(counting));
        assertThat(platform.facility(CharSequence.class)).contains("hi");
        assertThat(platform.facility(CharSequence.class)).contains("hi");
        assertThat(counting.created).isEqualTo(1);
        assertThat(platform.facility(String.class)).isEmpty();
    }

    @Test
    void a_missing_facility_is_named_with_the_runtime() {
        var platform = new WorkersPlatform(Map.of(), null, List.of());
        assertThatThrownBy(() -> platform.require(SqlDatabase.class))
                .hasMessage("The cloudflare-workers runtime provides no SqlDatabase; configure one or choose another runtime");
    }

    @Test
    void two_providers_for_one_type_are_refused() {
        assertThatThrownBy(() -> new WorkersPlatform(Map.of(), null, List.of(new Counting(), new Counting())))
                .hasMessageContaining("two providers for java.lang.CharSequence");
    }
}
