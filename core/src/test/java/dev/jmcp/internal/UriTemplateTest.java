package dev.jmcp.internal;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UriTemplateTest {

    @Test
    void matchesVariablesBetweenLiterals() {
        var t = UriTemplate.parse("test://template/{id}/data");
        assertThat(t.match("test://template/123/data")).isEqualTo(Map.of("id", "123"));
        assertThat(t.match("test://template/123/other")).isNull();
        assertThat(t.match("test://template//data")).as("a variable matches at least one character").isNull();
    }

    @Test
    void aVariableNeverSpansASlash() {
        var t = UriTemplate.parse("notes://{id}");
        assertThat(t.match("notes://7")).isEqualTo(Map.of("id", "7"));
        assertThat(t.match("notes://7/extra")).isNull();
    }

    @Test
    void valuesArePercentDecoded() {
        assertThat(UriTemplate.parse("files://{name}").match("files://a%20b%C3%A9")).isEqualTo(Map.of("name", "a bé"));
        assertThat(UriTemplate.parse("files://{name}").match("files://bad%2")).isNull();
    }

    @Test
    void severalVariables() {
        var t = UriTemplate.parse("repo://{owner}/{name}");
        assertThat(t.match("repo://ada/engine")).isEqualTo(Map.of("owner", "ada", "name", "engine"));
        assertThat(t.variables()).containsExactly("owner", "name");
    }

    @Test
    void malformedTemplatesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> UriTemplate.parse("notes://{id")).hasMessageContaining("unclosed '{'");
        assertThatThrownBy(() -> UriTemplate.parse("notes://{+id}")).hasMessageContaining("level-1");
        assertThatThrownBy(() -> UriTemplate.parse("notes://{a}{b}")).hasMessageContaining("separated");
        assertThatThrownBy(() -> UriTemplate.parse("{id}")).hasMessageContaining("scheme");
        assertThatThrownBy(() -> UriTemplate.parse("x://{a}/{a}")).hasMessageContaining("twice");
    }
}
