package dev.jmcp;

import dev.jmcp.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgTest {
    static final Arg<Integer> DAYS = Arg.integer("days").range(1, 14).orElse(3).description("How many days");
    static final Arg<String> CITY = Arg.string("city");
    static final Arg<String> UNIT = Arg.oneOf("unit", "c", "f");

    @Test
    void aValueOutOfRangeNamesTheArgumentTheLimitsAndTheValue() {
        assertThatThrownBy(() -> DAYS.decode(Json.object("days", 30)))
                .isInstanceOf(Arg.Invalid.class).hasMessage("argument \"days\" must be between 1 and 14, got 30");
    }

    @Test
    void aWrongTypeNamesWhatWasExpectedAndWhatArrived() {
        assertThatThrownBy(() -> DAYS.decode(Json.object("days", "three")))
                .hasMessage("argument \"days\" must be a whole number, got string \"three\"");
        assertThatThrownBy(() -> DAYS.decode(Json.object("days", 2.5)))
                .hasMessageContaining("whole number");
    }

    @Test
    void optionalArgumentsFallBackToTheirDefault() {
        assertThat(DAYS.decode(Json.object())).isEqualTo(3);
        assertThat(DAYS.decode(Json.object("days", 5))).isEqualTo(5);
    }

    @Test
    void aMissingRequiredArgumentIsRefused() {
        assertThatThrownBy(() -> CITY.decode(Json.object())).hasMessage("missing required argument \"city\"");
    }

    @Test
    void oneOfAcceptsOnlyItsValues() {
        assertThat(UNIT.decode(Json.object("unit", "c"))).isEqualTo("c");
        assertThatThrownBy(() -> UNIT.decode(Json.object("unit", "k"))).hasMessage("argument \"unit\" must be one of [c, f], got \"k\"");
    }

    @Test
    void theSchemaIsBuiltFromTheArguments() {
        var schema = Arg.objectSchema(java.util.List.of(CITY, DAYS, UNIT));
        assertThat(Json.write(schema)).isEqualTo("{\"type\":\"object\",\"properties\":{"
                + "\"city\":{\"type\":\"string\"},"
                + "\"days\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":14,\"description\":\"How many days\",\"default\":3},"
                + "\"unit\":{\"type\":\"string\",\"enum\":[\"c\",\"f\"]}},"
                + "\"required\":[\"city\",\"unit\"]}");
    }

    @Test
    void serverDefinitionsAreCheckedAtCreate() {
        assertThatThrownBy(() -> McpServer.create("s", "1", mcp -> mcp.tool("bad name!", t -> t.description("x").handle(c -> null))))
                .hasMessageContaining("bad name!").hasMessageContaining("A-Z");
        assertThatThrownBy(() -> McpServer.create("s", "1", mcp -> mcp.tool("t", t -> t.handle(c -> null))))
                .hasMessageContaining("needs a description");
        assertThatThrownBy(() -> McpServer.create("s", "1", mcp -> mcp
                .tool("t", t -> t.description("x").handle(c -> null))
                .tool("t", t -> t.description("y").handle(c -> null))))
                .hasMessageContaining("registered twice");
    }
}
