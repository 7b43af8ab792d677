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
}
