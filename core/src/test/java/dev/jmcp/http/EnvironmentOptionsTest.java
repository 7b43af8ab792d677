package dev.jmcp.http;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentOptionsTest {

    @Test
    void aBase64KeyOfAtLeast32BytesSealsRequestState() {
        byte[] key = new byte[32];
        key[0] = 7;
        var options = EnvironmentOptions.apply(EndpointOptions.builder(),
                Map.of("JMCP_REQUEST_STATE_KEY", Base64.getEncoder().encodeToString(key))).build();
        assertThat(options.requestStateKey()).isEqualTo(key);
        assertThat(options.serve2025()).isTrue();
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> EnvironmentOptions.apply(EndpointOptions.builder(), Map.of("JMCP_REQUEST_STATE_KEY", "c2hvcnQ=")))
                .hasMessageContaining("JMCP_REQUEST_STATE_KEY").hasMessageContaining("at least 32 bytes, got 5");
        assertThatThrownBy(() -> EnvironmentOptions.apply(EndpointOptions.builder(), Map.of("JMCP_REQUEST_STATE_KEY", "%%%")))
                .hasMessageContaining("JMCP_REQUEST_STATE_KEY must be base64");
        assertThatThrownBy(() -> EnvironmentOptions.apply(EndpointOptions.builder(), Map.of("JMCP_ONLY_2026", "yes")))
                .hasMessageContaining("JMCP_ONLY_2026 must be true or false");
    }

    @Test
    void only2026RefusesOlderClients() {
        var options = EnvironmentOptions.apply(EndpointOptions.builder(), Map.of("JMCP_ONLY_2026", "true")).build();
        assertThat(options.serve2025()).isFalse();
    }
}
