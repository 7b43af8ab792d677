package dev.jmcp.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonWriterTest {

    private static String write(Json value) {
        return JsonWriter.write(value);
    }

    private static String writeString(String value) {
        return write(new JsonString(value));
    }

    /** Decodes with the JDK's strict decoder; fails the test on malformed UTF-8. */
    private static String strictlyDecoded(byte[] utf8) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("not valid UTF-8", e);
        }
    }

    // ---------------------------------------------------------------- shape

    @Test
    void writesScalars() {
        assertThat(write(JsonBoolean.TRUE)).isEqualTo("true");
        assertThat(write(JsonBoolean.FALSE)).isEqualTo("false");
        assertThat(write(JsonNull.NULL)).isEqualTo("null");
        assertThat(write(JsonNumber.of(0))).isEqualTo("0");
        assertThat(write(JsonNumber.of(-42))).isEqualTo("-42");
        assertThat(write(JsonNumber.of(Long.MAX_VALUE))).isEqualTo("9223372036854775807");
        assertThat(write(JsonNumber.of(Long.MIN_VALUE))).isEqualTo("-9223372036854775808");
        assertThat(writeString("hi")).isEqualTo("\"hi\"");
    }

    @Test
    void writesCompactlyWithoutWhitespace() {
        Json value = Json.object("jsonrpc", "2.0", "id", 1, "result",
                Json.object("tools", Json.array(Json.object("name", "a"), Json.object()), "empty", List.of()));
        assertThat(write(value)).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"tools\":[{\"name\":\"a\"},{}],\"empty\":[]}}");
    }

    @Test
    void writesMembersInInsertionOrder() {
        Json value = JsonObject.builder().put("z", 1).put("a", 2).put("m", 3).build();
        assertThat(write(value)).isEqualTo("{\"z\":1,\"a\":2,\"m\":3}");
    }

    @Test
    void appendsToAnExistingBuilder() {
        StringBuilder out = new StringBuilder("data: ");
        JsonWriter.write(Json.array(1, "x"), out);
        assertThat(out).hasToString("data: [1,\"x\"]");
    }

    @Test
    void nodesPrintAsTheirJson() {
        assertThat(new JsonString("a\"b")).hasToString("\"a\\\"b\"");
        assertThat(Json.object("a", Json.array(1, true))).hasToString("{\"a\":[1,true]}");
        assertThat(Json.array()).hasToString("[]");
    }

    @Test
    void refusesNullArgumentsByName() {
        assertThatThrownBy(() -> JsonWriter.write(null)).isInstanceOf(NullPointerException.class).hasMessage("value");
        assertThatThrownBy(() -> JsonWriter.write(JsonNull.NULL, null)).isInstanceOf(NullPointerException.class).hasMessage("out");
        assertThatThrownBy(() -> JsonWriter.writeUtf8(null)).isInstanceOf(NullPointerException.class).hasMessage("value");
    }

    // ---------------------------------------------------------------- strings

    @Test
    void escapesQuoteAndBackslash() {
        assertThat(writeString("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    }

    @Test
    void escapesControlCharactersWithTheShortFormsWherePossible() {
        assertThat(writeString("\b\f\n\r\t")).isEqualTo("\"\\b\\f\\n\\r\\t\"");
    }

    @Test
    void escapesOtherControlCharactersAsLowerCaseUnicodeEscapes() {
        assertThat(writeString("\u0000\u0001\u000b\u001f")).isEqualTo("\"\\u0000\\u0001\\u000b\\u001f\"");
    }

    @Test
    void leavesSlashDeleteAndNonAsciiAlone() {
        assertThat(writeString("a/b\u007fé😀\u2028\u2029\uFEFF\uFFFF")).isEqualTo("\"a/b\u007fé😀\u2028\u2029\uFEFF\uFFFF\"");
    }

    @Test
    void writesUnpairedSurrogatesAsEscapes() {
        assertThat(writeString("\ud800")).isEqualTo("\"\\ud800\"");
        assertThat(writeString("a\udc00b")).isEqualTo("\"a\\udc00b\"");
        assertThat(writeString("x\ud83d")).isEqualTo("\"x\\ud83d\"");
        assertThat(writeString("\ude00\ud83d")).as("a pair in the wrong order").isEqualTo("\"\\ude00\\ud83d\"");
        assertThat(writeString("\ud83d\ude00")).as("a real pair stays raw").isEqualTo("\"😀\"");
        assertThat(writeString("\ud83d\ud83d\ude00")).isEqualTo("\"\\ud83d😀\"");
    }

    @Test
    void writeUtf8EscapesUnpairedSurrogatesSoTheBytesAreValidUtf8() {
        byte[] utf8 = JsonWriter.writeUtf8(new JsonString("a\ud800b\udfff😀"));
        assertThat(strictlyDecoded(utf8)).isEqualTo("\"a\\ud800b\\udfff😀\"");
    }

    @Test
    void theStrictParserRefusesTheEscapeOfAnUnpairedSurrogateWhenReadingItBack() {
        String text = writeString("\ud800");
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonParseException.class)
                .hasMessageContaining("unpaired surrogate escape \\uD800");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain ascii", "quote\" back\\slash", "ctl\u0000\u0001\n\t", "é", "中文", "😀 and 𝄞",
            "mixed é\n中😀\"\\/\u007f\u0080\u07ff\u0800\uffff"})
    void writeUtf8MatchesTheJdkEncodingOfTheWrittenText(String value) {
        Json json = Json.object("k" + value, Json.array(value, 1, 2.5, true, JsonNull.NULL));
        assertThat(JsonWriter.writeUtf8(json)).isEqualTo(write(json).getBytes(StandardCharsets.UTF_8));
        assertThat(Json.writeUtf8(json)).isEqualTo(write(json).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writeUtf8GrowsItsBufferForLongStringsThatNeedEscapes() {
        String value = "\u0001é😀\n".repeat(5_000) + "x".repeat(10_000);
        byte[] utf8 = JsonWriter.writeUtf8(new JsonString(value));
        assertThat(utf8).isEqualTo(writeString(value).getBytes(StandardCharsets.UTF_8));
        assertThat(Json.parse(utf8)).isEqualTo(new JsonString(value));
    }

    @Test
    void writeUtf8WritesManySmallValuesPastItsInitialBuffer() {
        List<Object> items = new ArrayList<>();
        for (int i = -500; i < 500; i++) {
            items.add(i * 1_000_003L);
        }
        Json value = Json.array(items);
        assertThat(JsonWriter.writeUtf8(value)).isEqualTo(write(value).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An encoder written for clarity, not speed, to check the fast one against: escape char by char into a
     * StringBuilder, then let the JDK encode the text to UTF-8.
     */
    private static String referenceString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
            if (pair) {
                out.append(c).append(value.charAt(++i));
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\b') {
                out.append("\\b");
            } else if (c == '\f') {
                out.append("\\f");
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static void assertEncodesLikeTheReference(String value) {
        String expected = referenceString(value);
        assertThat(writeString(value)).isEqualTo(expected);
        assertThat(JsonWriter.writeUtf8(new JsonString(value))).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
        // behind other output, so the string starts part-way into a chunk
        Json array = Json.array("x".repeat(300), value);
        String expectedArray = "[\"" + "x".repeat(300) + "\"," + expected + "]";
        assertThat(JsonWriter.writeUtf8(array)).isEqualTo(expectedArray.getBytes(StandardCharsets.UTF_8));
        assertThat(write(array)).isEqualTo(expectedArray);
    }

    /** The encoder copies strings in blocks of 1024 chars into chunks of 256 bytes and more: test at those edges. */
    @ParameterizedTest
    @ValueSource(strings = {"\ud83d\ude00", "\ud83d", "\ude00", "\"", "\u0001", "\n", "é", "中", "\u007f", "\u0080", "\uffff"})
    void encodesSpecialCharsAtEveryOffsetAroundTheBlockAndChunkEdges(String special) {
        for (int length : new int[] {253, 254, 255, 256, 257, 509, 510, 511, 512, 513, 1021, 1022, 1023, 1024, 1025, 2047, 2048, 2049}) {
            for (int at = Math.max(0, length - 4); at <= length; at++) {
                String value = "a".repeat(at) + special + "b".repeat(length - at);
                assertEncodesLikeTheReference(value);
            }
        }
    }

    /** Short strings take a charAt path that gives up at the first char needing work: test every position. */
    @ParameterizedTest
    @ValueSource(strings = {"\ud83d\ude00", "\ud83d", "\ude00", "\"", "\\", "\u0000", "\u001f", "\t", "é", "中", "\u007f", "\u0080"})
    void encodesSpecialCharsAtEveryOffsetOfShortStrings(String special) {
        for (int length = 0; length <= 30; length++) {
            for (int at = 0; at <= length; at++) {
                assertEncodesLikeTheReference("k".repeat(at) + special + "v".repeat(length - at));
            }
            assertEncodesLikeTheReference("p".repeat(length));
        }
    }

    @Test
    void encodesASurrogatePairSplitByTheBlockEdgeAsOneCharacter() {
        String value = "a".repeat(1023) + "😀" + "z";
        assertThat(value.charAt(1023)).isEqualTo('\ud83d');
        byte[] utf8 = JsonWriter.writeUtf8(new JsonString(value));
        assertThat(strictlyDecoded(utf8)).isEqualTo("\"" + value + "\"");
        assertEncodesLikeTheReference(value);
        assertEncodesLikeTheReference("a".repeat(1023) + "\ud83d");              // high surrogate last, alone
        assertEncodesLikeTheReference("a".repeat(1023) + "\ud83d\ud83d\ude00"); // alone, then a pair
        assertEncodesLikeTheReference("a".repeat(1024) + "\ude00");              // low surrogate first in a block
    }

    @Test
    void encodesLongRandomStringsLikeTheReference() {
        Random random = new Random(1024);
        for (int run = 0; run < 200; run++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(6000);
            while (value.length() < length) {
                int kind = random.nextInt(20);
                if (kind == 0) value.append((char) random.nextInt(0x20));
                else if (kind == 1) value.append("\"\\".charAt(random.nextInt(2)));
                else if (kind == 2) value.append((char) (0x80 + random.nextInt(0x780)));
                else if (kind == 3) value.append((char) (0x800 + random.nextInt(0xD000)));
                else if (kind == 4) value.appendCodePoint(0x10000 + random.nextInt(0x100000));
                else if (kind == 5) value.append((char) (0xD800 + random.nextInt(0x800))); // lone surrogates too
                else value.append((char) (0x20 + random.nextInt(0x5F)));
            }
            assertEncodesLikeTheReference(value.toString());
        }
    }

    @Test
    void writesOutputSpanningManyChunksInOrder() {
        List<Object> items = new ArrayList<>();
        StringBuilder expected = new StringBuilder("[");
        for (int i = 0; i < 20_000; i++) {
            String s = "item " + i + (i % 7 == 0 ? " é\"" : "");
            items.add(s);
            items.add(i);
            expected.append(i == 0 ? "" : ",").append(referenceString(s)).append(',').append(i);
        }
        expected.append(']');
        Json value = Json.array(items);
        assertThat(write(value)).isEqualTo(expected.toString());
        assertThat(JsonWriter.writeUtf8(value)).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- numbers

    @Test
    void writesNumbersByTheirText() {
        assertThat(write(JsonNumber.of(new BigDecimal("1E+400")))).isEqualTo("1E400");
        assertThat(write(JsonNumber.of(new BigDecimal("1e-7")))).isEqualTo("1E-7");
        assertThat(write(JsonNumber.of(new BigDecimal("0.1")))).isEqualTo("0.1");
        assertThat(write(JsonNumber.of(0.1))).isEqualTo("0.1");
        assertThat(write(JsonNumber.of(new BigDecimal(BigInteger.TWO.pow(64))))).isEqualTo("18446744073709551616");
        assertThat(write(JsonNumber.of(9007199254740993L))).isEqualTo("9007199254740993");
    }

    @Test
    void writeUtf8WritesLongsDigitByDigit() {
        for (long value : new long[] {0, 7, -7, 10, -10, 99, 100, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, 1_000_000_000_000L}) {
            assertThat(new String(JsonWriter.writeUtf8(JsonNumber.of(value)), StandardCharsets.UTF_8)).isEqualTo(Long.toString(value));
        }
    }

    // ---------------------------------------------------------------- depth

    @Test
    void writesAHundredThousandNestedArraysWithoutOverflowingTheStack() {
        Json value = JsonArray.EMPTY;
        for (int i = 0; i < 100_000; i++) {
            value = JsonArray.of(List.of(value, JsonNumber.of(i)));
        }
        String text = write(value);
        assertThat(text).startsWith("[[[[").endsWith(",99998],99999]");
        assertThat(JsonWriter.writeUtf8(value)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writesAHundredThousandNestedObjectsWithoutOverflowingTheStack() {
        Json value = JsonObject.EMPTY;
        for (int i = 0; i < 100_000; i++) {
            value = Json.object("a", value, "n", i);
        }
        String text = write(value);
        assertThat(text).startsWith("{\"a\":{\"a\":").endsWith("\"n\":99998},\"n\":99999}");
        assertThat(text).hasSize(JsonWriter.writeUtf8(value).length);
    }

    // ---------------------------------------------------------------- round trips

    @ParameterizedTest
    @ValueSource(strings = {
            "null", "true", "0", "-1", "9007199254740993", "-9223372036854775808", "18446744073709551616", "0.1",
            "1E-7", "1E400", "-2.50", "3.14159265358979323846264338327950288419716939937510", "\"\"", "\"a\\\"\\\\\\n\\u0000\"",
            "\"é😀\"", "[]", "{}", "[1,[2,[3,{}]],{\"a\":{\"b\":[]}}]", "{\"z\":1,\"a\":[true,false,null],\"\":\"\"}"})
    void writesParsedCanonicalTextBackUnchanged(String text) {
        assertThat(write(Json.parse(text))).isEqualTo(text);
        assertThat(JsonWriter.writeUtf8(Json.parse(text.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void normalizesWhitespaceEscapesAndExponents() {
        assertThat(write(Json.parse(" { \"a\" : [ 1 , 2 ] , \"\\u0062\\/\" : 1e2 , \"c\" : -0 } ")))
                .isEqualTo("{\"a\":[1,2],\"b/\":100,\"c\":0}");
        assertThat(write(Json.parse("\"\\ud83d\\ude00\\u00e9\\u001F\""))).isEqualTo("\"😀é\\u001f\"");
    }

    @Test
    void randomDocumentsAreStableThroughWriteParseWrite() {
        Random random = new Random(8259);
        for (int run = 0; run < 400; run++) {
            Json value = randomValue(random, 0);
            String text = write(value);
            byte[] utf8 = JsonWriter.writeUtf8(value);

            assertThat(utf8).as("run %d: writeUtf8 equals the JDK's encoding of write", run)
                    .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
            assertThat(strictlyDecoded(utf8)).isEqualTo(text);

            Json fromText = Json.parse(text);
            Json fromBytes = Json.parse(utf8);
            assertThat(fromText).as("run %d: parse(write(x)) equals x for %s", run, text).isEqualTo(value);
            assertThat(fromBytes).as("run %d: parse(writeUtf8(x)) equals x", run).isEqualTo(value);
            assertThat(fromText.hashCode()).isEqualTo(value.hashCode());
            assertThat(write(fromText)).as("run %d: write is stable", run).isEqualTo(text);
            assertThat(write(fromBytes)).isEqualTo(text);
        }
    }

    private static Json randomValue(Random random, int depth) {
        int kind = random.nextInt(depth >= 6 ? 4 : 6);
        return switch (kind) {
            case 0 -> new JsonString(randomString(random));
            case 1 -> randomNumber(random);
            case 2 -> JsonBoolean.of(random.nextBoolean());
            case 3 -> random.nextInt(4) == 0 ? JsonNull.NULL : new JsonString(randomString(random));
            case 4 -> {
                int size = random.nextInt(6);
                List<Json> items = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    items.add(randomValue(random, depth + 1));
                }
                yield JsonArray.of(items);
            }
            default -> {
                int size = random.nextInt(6);
                var members = new LinkedHashMap<String, Json>();
                for (int i = 0; i < size; i++) {
                    members.put(randomString(random), randomValue(random, depth + 1));
                }
                yield JsonObject.of(members);
            }
        };
    }

    private static JsonNumber randomNumber(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> JsonNumber.of(random.nextInt(300) - 20);
            case 1 -> JsonNumber.of(random.nextLong());
            case 2 -> JsonNumber.of(random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE);
            case 3 -> JsonNumber.of((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20));
            case 4 -> JsonNumber.of(Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL));
            case 5 -> JsonNumber.of(new BigDecimal(new BigInteger(1 + random.nextInt(200), random), random.nextInt(120) - 60));
            default -> JsonNumber.of(new BigDecimal(new BigInteger(64 + random.nextInt(64), random).negate()));
        };
    }

    /** Characters from every class the writer treats differently, including surrogate pairs but no lone surrogates. */
    private static String randomString(Random random) {
        int length = random.nextInt(12);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int cp = switch (random.nextInt(8)) {
                case 0 -> random.nextInt(0x20);
                case 1 -> "\"\\/".charAt(random.nextInt(3));
                case 2 -> 0x80 + random.nextInt(0x780);
                case 3 -> {
                    int c = 0x800 + random.nextInt(0x10000 - 0x800 - 0x800);
                    yield c >= 0xD800 ? c + 0x800 : c;
                }
                case 4 -> 0x10000 + random.nextInt(0x100000);
                default -> 0x20 + random.nextInt(0x5F);
            };
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** A value with everything the string escaper treats specially, nested at several depths. */
    private static JsonObject awkward(boolean loneSurrogate) {
        String nasty = "say \"hi\" \\ back\\slash \n\t\r\b\f \u0000\u001f \u007f caf\u00e9 \u20ac \ud83d\ude00 "
                + (loneSurrogate ? "lone \ud800 end" : "end");
        return Json.object("text", nasty, "nested", Json.object("q", "\"", "list", Json.array(nasty, 1, 2.5, true,
                        JsonNull.NULL, Json.object(), Json.array())), "long", nasty.repeat(400), "n", -7,
                "deep", Json.object("a", Json.object("b", Json.object("c", nasty))));
    }

    @Test
    void aPrewrittenObjectIsEqualAndWritesTheSameTextAndBytes() {
        JsonObject value = awkward(true);
        JsonObject prewritten = JsonWriter.prewritten(value);
        assertThat(prewritten).isEqualTo(value).hasSameHashCodeAs(value);
        assertThat(prewritten.members()).isEqualTo(value.members());
        assertThat(JsonWriter.write(prewritten)).isEqualTo(JsonWriter.write(value));
        assertThat(prewritten.toString()).isEqualTo(value.toString());
        assertThat(JsonWriter.writeUtf8(prewritten)).isEqualTo(JsonWriter.writeUtf8(value));
        assertThat(JsonWriter.prewritten(prewritten)).isSameAs(prewritten);
    }

    @Test
    void aPrewrittenObjectNestedInOthersWritesLikeTheOriginalAtAnyOffset() {
        JsonObject value = awkward(false);
        JsonObject prewritten = JsonWriter.prewritten(value);
        for (int pad : new int[] {0, 1, 200, 255, 256, 1000, 5000}) {
            Json plain = Json.object("pad", "p".repeat(pad), "text", value.toString(), "value", value, "again", Json.array(value));
            Json fast = Json.object("pad", "p".repeat(pad), "text", value.toString(), "value", prewritten,
                    "again", Json.array(prewritten));
            assertThat(JsonWriter.writeUtf8(fast)).isEqualTo(JsonWriter.writeUtf8(plain));
            assertThat(JsonWriter.write(fast)).isEqualTo(JsonWriter.write(plain));
            assertThat(Json.parse(JsonWriter.writeUtf8(fast))).isEqualTo(plain);
        }
    }

    @Test
    void anEmptyPrewrittenObjectWritesAsAnEmptyObject() {
        JsonObject empty = JsonWriter.prewritten(Json.object());
        assertThat(JsonWriter.write(Json.array(empty, empty))).isEqualTo("[{},{}]");
        assertThat(empty).isEqualTo(Json.object());
    }

    @Test
    void theTextOfAnObjectEscapedAsAStringReadsBackAsThatText() {
        JsonObject value = awkward(false);
        String text = JsonWriter.prewritten(value).toString();
        String escaped = JsonWriter.write(new JsonString(text));
        assertThat(escaped).isEqualTo(referenceString(text));
        assertThat(Json.parse(escaped)).isEqualTo(new JsonString(text));
        assertThat(Json.parse(text)).isEqualTo(value);
    }

    /**
     * A prewritten object's own text, met as a string near the root of the same document (a tool result's text
     * block), is written from the object's UTF-8 bytes; an equal String that is not that very one takes the char
     * path. Both must give the same bytes, at any offset into the output's chunks.
     */
    @Test
    void thePrewrittenTextOfAMemberIsEscapedLikeAnyEqualString() {
        for (boolean lone : new boolean[] {false, true}) {
            JsonObject prewritten = JsonWriter.prewritten(awkward(lone));
            String text = prewritten.toString();
            assertThat(prewritten.toString()).isSameAs(text);
            String copy = new String(text.toCharArray());
            for (int pad : new int[] {0, 1, 100, 255, 1023, 1024, 4000}) {
                Json fast = Json.object("pad", "p".repeat(pad), "result", Json.object(
                        "content", Json.array(Json.object("type", "text", "text", text)), "structuredContent", prewritten));
                Json slow = Json.object("pad", "p".repeat(pad), "result", Json.object(
                        "content", Json.array(Json.object("type", "text", "text", copy)), "structuredContent", awkward(lone)));
                assertThat(JsonWriter.writeUtf8(fast)).isEqualTo(JsonWriter.writeUtf8(slow));
                assertThat(JsonWriter.write(fast)).isEqualTo(JsonWriter.write(slow));
                assertThat(strictlyDecoded(JsonWriter.writeUtf8(fast))).isEqualTo(JsonWriter.write(slow));
                // as the root of the document too
                Json root = Json.object("content", Json.array(Json.object("type", "text", "text", text)), "structuredContent", prewritten);
                Json rootSlow = Json.object("content", Json.array(Json.object("type", "text", "text", copy)), "structuredContent", awkward(lone));
                assertThat(JsonWriter.writeUtf8(root)).isEqualTo(JsonWriter.writeUtf8(rootSlow));
            }
        }
    }

    @Test
    void theTextOfAPrewrittenObjectWithEveryKindOfCharReadsBackAsTheObject() {
        var chars = new StringBuilder();
        for (int c = 0; c < 0x800; c++) {
            if (!Character.isSurrogate((char) c)) chars.append((char) c);
        }
        chars.append("\ud83d\ude00\u20ac\uffff");
        JsonObject value = Json.object("all", chars.toString(), "again", Json.array(chars.toString(), "\"\\\""));
        JsonObject prewritten = JsonWriter.prewritten(value);
        String text = prewritten.toString();
        byte[] fast = JsonWriter.writeUtf8(Json.object("text", text, "value", prewritten));
        byte[] slow = JsonWriter.writeUtf8(Json.object("text", new String(text.toCharArray()), "value", value));
        assertThat(fast).isEqualTo(slow);
        JsonObject back = Json.parse(fast).asObject();
        assertThat(Json.parse(back.string("text"))).isEqualTo(value);
        assertThat(back.get("value")).isEqualTo(value);
    }
}
