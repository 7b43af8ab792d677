package dev.jmcp.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestTraceTest {

    @Test
    void reads_googles_header_with_a_decimal_span_id() {
        var c = RequestTrace.parse("105445AA7843BC8BF206B12000100000/1234567890123456789;o=0", null);

        assertThat(c.traceId()).isEqualTo("105445aa7843bc8bf206b12000100000");
        assertThat(c.spanId()).isEqualTo("112210f47de98115");
        assertThat(c.sampled()).isFalse();
    }

    @Test
    void reads_a_trace_id_alone() {
        var c = RequestTrace.parse("105445aa7843bc8bf206b12000100000", null);

        assertThat(c.spanId()).isNull();
        assertThat(c.sampled()).isNull();
    }

    @Test
    void falls_back_to_w3c_traceparent() {
        var c = RequestTrace.parse(null, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        assertThat(c.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(c.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(c.sampled()).isTrue();
    }

    @Test
    void ignores_malformed_values() {
        assertThat(RequestTrace.parse("not-a-trace", "00-xyz")).isNull();
        assertThat(RequestTrace.parse(null, null)).isNull();
    }
}
