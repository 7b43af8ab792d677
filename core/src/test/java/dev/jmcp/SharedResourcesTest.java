package dev.jmcp;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedResourcesTest {
    final SharedResources resources = new SharedResources();
    final List<String> events = new ArrayList<>();
    final Platform platform = new Platform() {
        @Override
        public String runtime() {
            return "test";
        }

        @Override
        public Optional<String> config(String name) {
            return Optional.empty();
        }

        @Override
        public <T> Optional<T> facility(Class<T> type) {
            return Optional.empty();
        }

        @Override
        public <T> T shared(Shared<T> resource) {
            return resources.get(resource, this);
        }
    };

    Shared<AutoCloseable> named(String name) {
        return Shared.of(name, p -> {
            events.add("open " + name);
            return () -> events.add("close " + name);
        });
    }

    @Test
    void createdOnFirstUseThenTheSameObject() {
        var a = named("a");
        assertThat(resources.isCreated(a)).isFalse();
        AutoCloseable first = platform.shared(a);
        assertThat(platform.shared(a)).isSameAs(first);
        assertThat(events).containsExactly("open a");
    }

    @Test
    void aFailedFactoryIsTriedAgainOnTheNextUse() {
        int[] calls = {0};
        Shared<String> flaky = Shared.of("flaky", p -> {
            if (calls[0]++ == 0) throw new java.io.IOException("database is down");
            return "up";
        });
        assertThatThrownBy(() -> platform.shared(flaky)).hasMessage("cannot create shared resource \"flaky\": database is down");
        assertThat(platform.shared(flaky)).isEqualTo("up");
    }

    @Test
    void releaseClosesNewestFirstAndTheNextUseMakesThemAgain() {
        var a = named("a");
        var b = named("b");
        platform.shared(a);
        platform.shared(b);
        assertThat(resources.release()).isEmpty();
        assertThat(events).containsExactly("open a", "open b", "close b", "close a");
        platform.shared(a);
        assertThat(events).endsWith("open a");
        resources.close();
        assertThat(events).endsWith("close a");
        assertThatThrownBy(() -> platform.shared(a)).hasMessageContaining("shutting down");
    }

    @Test
    void aResourceThatNeedsItselfIsAnErrorNotARecursion() {
        Shared<?>[] self = new Shared<?>[1];
        self[0] = Shared.of("loop", p -> p.shared(self[0]));
        assertThatThrownBy(() -> platform.shared(self[0])).hasMessageContaining("needs itself");
    }

    @Test
    void aPlatformWithoutInstancesSaysSo() {
        Platform none = new Platform() {
            public String runtime() {
                return "edge";
            }

            public Optional<String> config(String name) {
                return Optional.empty();
            }

            public <T> Optional<T> facility(Class<T> type) {
                return Optional.empty();
            }
        };
        assertThatThrownBy(() -> none.shared(named("x"))).hasMessageContaining("The edge runtime keeps no shared resources");
    }
}
