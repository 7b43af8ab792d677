package dev.jmcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.internal.Wire;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonNull;
import dev.jmcp.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolResultTest {

    private static JsonObject awkward() {
        String nasty = "say \"hi\" \\ back\\slash \n\t\r\b\f \u0000\u001f \u007f café € 😀 lone \ud800 end";
        var items = new ArrayList<Object>();
        for (int i = 0; i < 200; i++) items.add(Json.object("id", i, "name", nasty + i, "price", i + 0.25, "ok", i % 2 == 0));
        return Json.object("text", nasty, "nested", Json.object("q", "\"", "none", JsonNull.NULL, "empty", Json.object()),
                "items", Json.array(items));
    }

    /** What structured(value) was before the structured content kept its text: the value, written twice. */
    private static ToolResult writtenTwice(JsonObject value) {
        return new ToolResult(List.of(Content.text(Json.write(value))), value, false);
    }

    @Test
    void theTextBlockIsTheExactJsonOfTheValue() {
        JsonObject value = awkward();
        ToolResult result = ToolResult.structured(value);
        assertThat(result.content()).hasSize(1);
        assertThat(((Content.Text) result.content().getFirst()).text()).isEqualTo(Json.write(value));
        assertThat(result.structuredContent()).isEqualTo(value);
        assertThat(result.isError()).isFalse();
        assertThat(result).isEqualTo(writtenTwice(value));
    }

    @Test
    void theWireBytesAreThoseOfTheValueWrittenTwice() {
        for (JsonObject value : List.of(awkward(), Json.object(), Json.object("a", 1), Json.object("s", "x\"y"))) {
            byte[] expected = Json.writeUtf8(Wire.toolResult(writtenTwice(value)));
            assertThat(Json.writeUtf8(Wire.toolResult(ToolResult.structured(value)))).isEqualTo(expected);
            assertThat(Json.write(Wire.toolResult(ToolResult.structured(value)))).isEqualTo(Json.write(Wire.toolResult(writtenTwice(value))));
        }
    }

    @Test
    void theStructuredContentReadsLikeTheValue() {
        JsonObject value = awkward();
        JsonObject structured = ToolResult.structured(value).structuredContent();
        assertThat(structured.get("text")).isEqualTo(value.get("text"));
        assertThat(structured.members().keySet()).containsExactly("text", "nested", "items");
        assertThat(structured.with("extra", Json.of(1)).toString()).isEqualTo(value.with("extra", Json.of(1)).toString());
    }
}
