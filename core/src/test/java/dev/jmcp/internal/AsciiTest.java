package dev.jmcp.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AsciiTest {

    @Test
    void word_agrees_with_the_regex_it_replaces() {
        for (String s : List.of("", "a", "get_weather", "a.b-c", "ä", "a b", "x".repeat(128), "x".repeat(129), "ok!", "A9_.-")) {
            assertThat(Ascii.word(s, 1, 128, "_.-")).as(s).isEqualTo(s.matches("[A-Za-z0-9_.-]{1,128}"));
        }
    }

    @Test
    void split_keeps_empty_parts() {
        assertThat(Ascii.split("a,b", ',')).containsExactly("a", "b");
        assertThat(Ascii.split(",a,,", ',')).containsExactly("", "a", "", "");
        assertThat(Ascii.split("", ',')).containsExactly("");
    }

    @Test
    void case_folding_agrees_with_the_jdk() {
        List<String> samples = List.of("", "Content-Type", "content-type", "MCP-Protocol-Version", "ACCEPT", "x", "K", "k",
                "\u212A", "I", "i", "\u0131", "\u0130", "Stra\u00DFe", "GR\u00DCSSE", "a-Z_0", "LOCALHOST:8080", "[::1]:9");
        for (String a : samples) {
            assertThat(Ascii.lower(a)).as(a).isEqualTo(a.toLowerCase(java.util.Locale.ROOT));
            for (String b : samples) {
                assertThat(Ascii.equalsIgnoreCase(a, b)).as(a + " vs " + b).isEqualTo(a.equalsIgnoreCase(b));
            }
        }
        assertThat(Ascii.equalsIgnoreCase("content-type", null)).isFalse();
        assertThat(Ascii.equalsIgnoreCase("kelvin", "\u212Aelvin")).isEqualTo("kelvin".equalsIgnoreCase("\u212Aelvin"));
        assertThat(Ascii.equalsIgnoreCase("Xkelvin", "y\u212Aelvin")).isFalse();
    }
}
