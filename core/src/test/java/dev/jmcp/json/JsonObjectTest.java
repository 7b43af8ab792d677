package dev.jmcp.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonObjectTest {

    private static JsonObject parse(String text) {
        return Json.parse(text).asObject();
    }

    @Test
    void keepsMembersInInsertionOrderHoweverItIsBuilt() {
        assertThat(parse("{\"c\":1,\"a\":2,\"b\":3}").members().keySet()).containsExactly("c", "a", "b");
        assertThat(Json.object("c", 1, "a", 2, "b", 3).members().keySet()).containsExactly("c", "a", "b");
        assertThat(JsonObject.builder().put("c", 1).put("a", 2).put("b", 3).build().members().keySet())
                .containsExactly("c", "a", "b");
    }

    @Test
    void typedGettersReturnTheMembers() {
        JsonObject object = parse("{\"s\":\"x\",\"n\":5,\"b\":true,\"o\":{},\"a\":[1]}");
        assertThat(object.string("s")).isEqualTo("x");
        assertThat(object.number("n").intValue()).isEqualTo(5);
        assertThat(object.bool("b")).isTrue();
        assertThat(object.object("o")).isSameAs(JsonObject.EMPTY);
        assertThat(object.array("a")).isEqualTo(Json.array(1));
        assertThat(object.get("missing")).isNull();
        assertThat(object.find("s")).contains(new JsonString("x"));
        assertThat(object.has("n")).isTrue();
        assertThat(object.size()).isEqualTo(5);
    }

    @Test
    void aRequiredGetterNamesTheMissingMemberAndTheTypeItWanted() {
        assertThatThrownBy(() -> JsonObject.EMPTY.string("method")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("member \"method\" is missing (expected a string)");
    }

    @Test
    void aTypedGetterNamesTheMemberAndBothTypes() {
        assertThatThrownBy(() -> parse("{\"method\":1}").string("method"))
                .hasMessage("member \"method\" must be a string, found number");
        assertThatThrownBy(() -> parse("{\"p\":null}").object("p")).hasMessage("member \"p\" must be an object, found null");
    }

    @Test
    void optionalGettersReturnNullForAbsentOrJsonNullMembers() {
        JsonObject object = parse("{\"n\":null,\"s\":\"x\",\"o\":{\"k\":1}}");
        assertThat(object.optString("missing")).isNull();
        assertThat(object.optString("n")).isNull();
        assertThat(object.optString("s")).isEqualTo("x");
        assertThat(object.optObject("n")).isNull();
        assertThat(object.optObject("o")).isEqualTo(Json.object("k", 1));
        assertThatThrownBy(() -> object.optObject("s")).hasMessage("member \"s\" must be an object, found string");
    }

    @Test
    void withAddsAtTheEndOrReplacesInPlace() {
        JsonObject object = Json.object("a", 1, "b", 2);
        assertThat(Json.write(object.with("c", JsonNumber.of(3)))).isEqualTo("{\"a\":1,\"b\":2,\"c\":3}");
        assertThat(Json.write(object.with("a", JsonNumber.of(9)))).isEqualTo("{\"a\":9,\"b\":2}");
        assertThat(Json.write(object)).as("the original is unchanged").isEqualTo("{\"a\":1,\"b\":2}");
    }

    @Test
    void withoutRemovesAMemberAndReturnsTheSameObjectWhenItIsAbsent() {
        JsonObject object = Json.object("a", 1, "b", 2);
        assertThat(Json.write(object.without("a"))).isEqualTo("{\"b\":2}");
        assertThat(object.without("zzz")).isSameAs(object);
        assertThat(Json.object("a", 1).without("a")).isSameAs(JsonObject.EMPTY);
    }

    @Test
    void membersCannotBeChangedThroughTheMap() {
        JsonObject object = parse("{\"a\":1}");
        assertThatThrownBy(() -> object.members().put("b", JsonNull.NULL)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> object.members().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void ofCopiesTheMapItIsGiven() {
        Map<String, Json> source = new LinkedHashMap<>();
        source.put("a", JsonNumber.of(1));
        JsonObject object = JsonObject.of(source);
        source.put("b", JsonNumber.of(2));
        assertThat(object.size()).isEqualTo(1);
    }

    @Test
    void ofAndWithRefuseJavaNullsAndSayToUseJsonNull() {
        Map<String, Json> withNullValue = new HashMap<>();
        withNullValue.put("a", null);
        assertThatThrownBy(() -> JsonObject.of(withNullValue)).isInstanceOf(NullPointerException.class)
                .hasMessage("value of member \"a\" is null; use JsonNull.NULL for a JSON null");
        Map<String, Json> withNullKey = new HashMap<>();
        withNullKey.put(null, JsonNull.NULL);
        assertThatThrownBy(() -> JsonObject.of(withNullKey)).hasMessage("JSON object key is null");
        assertThatThrownBy(() -> JsonObject.EMPTY.with("a", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theBuilderAndJsonObjectLeaveOutNullValues() {
        assertThat(JsonObject.builder().put("a", (String) null).put("b", (Json) null).putIfSet("c", null).put("d", 1).build())
                .isEqualTo(Json.object("d", 1));
        assertThat(Json.write(Json.object("a", null, "b", 1))).isEqualTo("{\"b\":1}");
        assertThat(Json.write(Json.object("a", JsonNull.NULL))).isEqualTo("{\"a\":null}");
    }

    @Test
    void jsonObjectRefusesAnOddArgumentCountOrANonStringKey() {
        assertThatThrownBy(() -> Json.object("a")).hasMessage("Json.object needs key/value pairs, got 1 arguments");
        assertThatThrownBy(() -> Json.object(1, 2)).hasMessage("Json.object key at position 0 is not a String: 1");
    }

    @Test
    void equalityIgnoresMemberOrderAsJsonDoes() {
        JsonObject ab = parse("{\"a\":1,\"b\":[2]}");
        JsonObject ba = parse("{\"b\":[2],\"a\":1.0}");
        assertThat(ab).isEqualTo(ba).hasSameHashCodeAs(ba);
        assertThat(ab).isNotEqualTo(parse("{\"a\":1}"));
    }

    @Test
    void emptyObjectsAreTheSharedInstance() {
        assertThat(parse("{}")).isSameAs(JsonObject.EMPTY);
        assertThat(JsonObject.builder().build()).isSameAs(JsonObject.EMPTY);
        assertThat(JsonObject.of(Map.of())).isSameAs(JsonObject.EMPTY);
        assertThat(Json.object()).isSameAs(JsonObject.EMPTY);
    }

    @Test
    void parsingRejectsADuplicateKeyButCodeMayReplaceAMember() {
        assertThatThrownBy(() -> parse("{\"id\":1,\"id\":2}")).isInstanceOf(JsonParseException.class)
                .hasMessage("JSON parse error at offset 8: duplicate object key \"id\"; a key may appear only once in an object");
        assertThat(Json.write(Json.object("id", 1, "x", 0, "id", 2))).isEqualTo("{\"id\":2,\"x\":0}");
    }

    @Test
    void typeMismatchOnTheNodeNamesBothTypes() {
        assertThatThrownBy(() -> Json.parse("[]").asObject()).isInstanceOf(JsonTypeException.class)
                .hasMessage("expected a JSON object but found array");
    }
}
