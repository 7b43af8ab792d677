package dev.jmcp.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    // ---------------------------------------------------------------- small and large objects (linear search / hash index)

    private static LinkedHashMap<String, Json> sample(int size, Random random) {
        var expected = new LinkedHashMap<String, Json>();
        while (expected.size() < size) {
            // short keys collide in the index often; some share a hash code outright ("Aa" and "BB")
            String key = switch (random.nextInt(4)) {
                case 0 -> "Aa".repeat(1 + random.nextInt(3));
                case 1 -> "BB".repeat(1 + random.nextInt(3));
                default -> "k" + random.nextInt(size * 3);
            };
            expected.put(key, JsonNumber.of(random.nextInt(1000)));
        }
        return expected;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 8, 9, 10, 16, 17, 33, 200})
    void everyWayOfBuildingFindsEveryMemberAndKeepsTheOrder(int size) {
        Random random = new Random(size);
        LinkedHashMap<String, Json> expected = sample(size, random);
        var builder = JsonObject.builder();
        var pairs = new Object[size * 2];
        var text = new StringBuilder("{");
        int p = 0;
        for (var e : expected.entrySet()) {
            builder.put(e.getKey(), e.getValue());
            pairs[p++] = e.getKey();
            pairs[p++] = e.getValue();
            text.append(text.length() > 1 ? "," : "").append('"').append(e.getKey()).append("\":").append(e.getValue());
        }
        text.append('}');
        List<JsonObject> objects = List.of(builder.build(), Json.object(pairs), JsonObject.of(expected),
                (JsonObject) Json.of(expected), parse(text.toString()), Json.parse(text.toString().getBytes()).asObject());
        for (JsonObject object : objects) {
            assertThat(object.size()).isEqualTo(size);
            assertThat(object.members()).isEqualTo(expected).hasSameHashCodeAs(expected);
            assertThat(object.members().keySet()).containsExactlyElementsOf(expected.keySet());
            assertThat(object.members().values()).containsExactlyElementsOf(expected.values());
            assertThat(object.hashCode()).isEqualTo(expected.hashCode());
            assertThat(object).isEqualTo(objects.get(0));
            for (var e : expected.entrySet()) {
                assertThat(object.get(e.getKey())).isEqualTo(e.getValue());
                assertThat(object.has(e.getKey())).isTrue();
                assertThat(object.members().containsKey(e.getKey())).isTrue();
            }
            for (String absent : List.of("", "k-1", "AaAaAaAa", "BBBBBBBB", "missing")) {
                assertThat(object.get(absent)).isNull();
                assertThat(object.has(absent)).isFalse();
            }
            assertThat(object.members().get(42)).isNull();
            assertThat(object.members().containsKey(null)).isFalse();
            assertThat(Json.write(object)).isEqualTo(text.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 8, 9, 40})
    void theParserRejectsADuplicateKeyInObjectsOfEverySizeAtTheSecondKey(int size) {
        var text = new StringBuilder("{");
        for (int i = 0; i < size; i++) text.append("\"k").append(i).append("\":").append(i).append(',');
        int offset = text.length();
        text.append("\"k").append(size / 2).append("\":0}");
        assertThatThrownBy(() -> parse(text.toString())).isInstanceOf(JsonParseException.class)
                .hasMessage("JSON parse error at offset " + offset + ": duplicate object key \"k" + (size / 2)
                        + "\"; a key may appear only once in an object");
    }

    @Test
    void replacingAMemberKeepsItsPlaceInLargeObjectsToo() {
        var builder = JsonObject.builder();
        for (int i = 0; i < 20; i++) builder.put("k" + i, i);
        builder.put("k3", "three");
        JsonObject object = builder.build();
        assertThat(object.size()).isEqualTo(20);
        assertThat(List.copyOf(object.members().keySet()).indexOf("k3")).isEqualTo(3);
        assertThat(object.string("k3")).isEqualTo("three");
        JsonObject with = object.with("k19", JsonBoolean.TRUE).with("new", JsonNull.NULL);
        assertThat(with.size()).isEqualTo(21);
        assertThat(with.get("k19")).isEqualTo(JsonBoolean.TRUE);
        assertThat(List.copyOf(with.members().keySet())).endsWith("k19", "new");
        JsonObject without = with.without("k0").without("k10");
        assertThat(without.size()).isEqualTo(19);
        assertThat(without.has("k0")).isFalse();
        assertThat(without.get("k11")).isEqualTo(JsonNumber.of(11));
        assertThat(object.size()).as("the original is unchanged").isEqualTo(20);
    }

    @Test
    void aBuilderUsedAfterBuildDoesNotChangeWhatItBuilt() {
        var builder = JsonObject.builder().put("a", 1);
        JsonObject first = builder.build();
        builder.put("a", 2).put("b", 3);
        JsonObject second = builder.build();
        builder.put("c", 4);
        assertThat(first).isEqualTo(Json.object("a", 1));
        assertThat(second).isEqualTo(Json.object("a", 2, "b", 3));
        assertThat(builder.build()).isEqualTo(Json.object("a", 2, "b", 3, "c", 4));
        assertThat(builder.has("c")).isTrue();
    }

    @Test
    void theMembersMapIsAReadOnlyViewWithMapEquality() {
        JsonObject object = Json.object("a", 1, "b", "x");
        Map<String, Json> members = object.members();
        assertThat(members).isEqualTo(Map.of("a", JsonNumber.of(1), "b", new JsonString("x")));
        assertThat(members.entrySet()).containsExactly(Map.entry("a", JsonNumber.of(1)), Map.entry("b", new JsonString("x")));
        assertThatThrownBy(() -> members.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> members.entrySet().iterator().next().setValue(JsonNull.NULL))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> members.keySet().clear()).isInstanceOf(UnsupportedOperationException.class);
        var iterator = members.entrySet().iterator();
        iterator.next();
        iterator.next();
        assertThatThrownBy(iterator::next).isInstanceOf(java.util.NoSuchElementException.class);
        assertThat(object.members()).isSameAs(members);
    }
}
