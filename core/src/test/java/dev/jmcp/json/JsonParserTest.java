package dev.jmcp.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.json.JsonParser.Limits;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonParserTest {

    // ---------------------------------------------------------------- helpers

    private static Json parse(String text) {
        return JsonParser.parse(text, Limits.DEFAULT);
    }

    private static Json parseBytes(byte[] utf8) {
        return JsonParser.parse(utf8, Limits.DEFAULT);
    }

    /** The error for a String input. */
    private static JsonParseException rejected(String text, Limits limits) {
        try {
            Json value = JsonParser.parse(text, limits);
            throw new AssertionError("expected a parse error for <" + text + "> but got " + value);
        } catch (JsonParseException e) {
            return e;
        }
    }

    /** The error for a byte[] input. */
    private static JsonParseException rejected(byte[] utf8) {
        try {
            Json value = parseBytes(utf8);
            throw new AssertionError("expected a parse error for bytes " + HexFormat.of().formatHex(utf8) + " but got " + value);
        } catch (JsonParseException e) {
            return e;
        }
    }

    private static JsonParseException catchParseException(Runnable parse) {
        try {
            parse.run();
        } catch (JsonParseException e) {
            return e;
        }
        throw new AssertionError("expected a JsonParseException");
    }

    /** Checks an ASCII input both as a String and as UTF-8 bytes: same offset, same message. */
    private static void assertRejected(String text, int offset, String reason) {
        assertRejected(text, Limits.DEFAULT, offset, reason);
    }

    private static void assertRejected(String text, Limits limits, int offset, String reason) {
        JsonParseException asString = rejected(text, limits);
        assertThat(asString.offset()).as("offset of the error in <%s>: %s", text, asString.getMessage()).isEqualTo(offset);
        assertThat(asString.getMessage()).startsWith("JSON parse error at offset " + offset + ": ").contains(reason);

        JsonParseException asBytes;
        try {
            Json value = JsonParser.parse(text.getBytes(StandardCharsets.UTF_8), limits);
            throw new AssertionError("expected a parse error for the bytes of <" + text + "> but got " + value);
        } catch (JsonParseException e) {
            asBytes = e;
        }
        assertThat(asBytes.offset()).as("byte offset of the error in <%s>", text).isEqualTo(offset);
        assertThat(asBytes.getMessage()).isEqualTo(asString.getMessage());
    }

    private static void assertRejectedBytes(byte[] utf8, int offset, String reason) {
        JsonParseException e = rejected(utf8);
        assertThat(e.offset()).as("byte offset of the error: %s", e.getMessage()).isEqualTo(offset);
        assertThat(e.getMessage()).startsWith("JSON parse error at offset " + offset + ": ").contains(reason);
    }

    private static byte[] hex(String spacedHex) {
        return HexFormat.of().parseHex(spacedHex.replace(" ", ""));
    }

    /** A string literal around raw bytes: '"' bytes '"'. */
    private static byte[] quoted(String spacedHex) {
        byte[] inner = hex(spacedHex);
        byte[] out = new byte[inner.length + 2];
        out[0] = '"';
        System.arraycopy(inner, 0, out, 1, inner.length);
        out[out.length - 1] = '"';
        return out;
    }

    private static String stringOf(Json value) {
        return ((JsonString) value).value();
    }

    // ---------------------------------------------------------------- strings from UTF-8 bytes

    private static Json parseBytes(String text) {
        return Json.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"é", "中", "😀", "aé中😀z", "Zürich — São Paulo → Kraków ✓", "\u0080\u07ff\u0800\uffff\ud800\udc00\udbff\udfff"})
    void decodesRawTwoThreeAndFourByteUtf8WithoutEscapes(String value) {
        assertThat(parseBytes("\"" + value + "\"")).isEqualTo(new JsonString(value));
        assertThat(parseBytes("{\"" + value + "\":[\"" + value + value + "\"]}"))
                .isEqualTo(Json.object(value, Json.array(value + value)));
    }

    @Test
    void decodesEscapesNextToRawMultiByteCharacters() {
        assertThat(parseBytes("\"é\\n中\\u00e9😀\\ud83d\\ude00\\\"x\\u4e2d\"")).isEqualTo(new JsonString("é\n中é😀😀\"x中"));
        assertThat(parseBytes("\"\\u0000\\u007f\\u0080\\u07ff\\u0800\\uffff\\udbff\\udfff\""))
                .isEqualTo(new JsonString("\u0000\u007f\u0080\u07ff\u0800\uffff\udbff\udfff"));
        assertThat(parseBytes("\"\\/\\b\\f\\r\\t\\\\\"")).isEqualTo(new JsonString("/\b\f\r\t\\"));
    }

    @Test
    void decodesEscapedStringsOfGrowingSizeInOneDocument() {
        var items = new ArrayList<Json>();
        StringBuilder text = new StringBuilder("[");
        for (int size = 1; size <= 70_000; size *= 3) {
            String value = ("é\n\"a" + "x".repeat(size)).repeat(2);
            items.add(new JsonString(value));
            text.append(items.size() == 1 ? "" : ",").append(JsonWriter.write(new JsonString(value)));
        }
        text.append(']');
        assertThat(parseBytes(text.toString())).isEqualTo(JsonArray.of(items));
        assertThat(Json.parse(text.toString())).isEqualTo(JsonArray.of(items));
    }

    @Test
    void reportsTheFirstProblemInAStringEvenAfterEscapesAndMultiByteCharacters() {
        // the problem is found ahead of the decoding; the offset and message are still those of the first one
        assertRejectedBytes(concat("\"\\né中".getBytes(StandardCharsets.UTF_8), hex("C0 AF"), "\"".getBytes(StandardCharsets.UTF_8)),
                8, "invalid UTF-8: overlong encoding starting with byte 0xC0");
        assertRejectedBytes(concat("\"é\\x".getBytes(StandardCharsets.UTF_8), hex("FF"), "\"".getBytes(StandardCharsets.UTF_8)),
                4, "expected one of");
        assertRejectedBytes("\"é\\nab\u0001\"".getBytes(StandardCharsets.UTF_8), 7, "unescaped control character U+0001");
        assertRejectedBytes("\"é\\nab".getBytes(StandardCharsets.UTF_8), 7, "expected '\"' to close the string that starts at offset 0");
        assertRejectedBytes("\"é\\u12\"".getBytes(StandardCharsets.UTF_8), 7, "expected four hex digits after \\u");
        assertRejectedBytes("\"é\\ud83d\"".getBytes(StandardCharsets.UTF_8), 3, "unpaired surrogate escape \\uD83D");
        assertRejectedBytes("\"é\\\"".getBytes(StandardCharsets.UTF_8), 5, "expected '\"' to close the string");
        assertRejectedBytes(concat("\"é".getBytes(StandardCharsets.UTF_8), hex("E4 B8")), 3, "invalid UTF-8: incomplete multi-byte sequence");
    }

    @Test
    void countsTheLengthLimitInCharsForMultiByteAndEscapedStrings() {
        Limits limits = new Limits(8, 4, 10);
        assertThat(JsonParser.parse("\"😀😀\"".getBytes(StandardCharsets.UTF_8), limits)).isEqualTo(new JsonString("😀😀"));
        assertThat(JsonParser.parse("\"é\\né\\u00e9\"".getBytes(StandardCharsets.UTF_8), limits)).isEqualTo(new JsonString("é\néé"));
        assertThat(catchParseException(() -> JsonParser.parse("\"😀😀é\"".getBytes(StandardCharsets.UTF_8), limits)).getMessage())
                .contains("string of 5 characters is longer than the limit of 4");
        assertThat(catchParseException(() -> JsonParser.parse("\"é\\nééé\"".getBytes(StandardCharsets.UTF_8), limits)).getMessage())
                .contains("string of 5 characters is longer than the limit of 4");
    }

    @Test
    void decodesRandomStringsFromBytesExactlyAsTheJdkDecodesThem() {
        Random random = new Random(3629);
        for (int run = 0; run < 2_000; run++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(run % 10 == 0 ? 3000 : 40);
            while (value.length() < length) {
                switch (random.nextInt(8)) {
                    case 0 -> value.append((char) random.nextInt(0x20));
                    case 1 -> value.append("\"\\/".charAt(random.nextInt(3)));
                    case 2 -> value.append((char) (0x80 + random.nextInt(0x780)));
                    case 3 -> value.append((char) (0xE000 + random.nextInt(0x2000)));
                    case 4 -> value.appendCodePoint(0x10000 + random.nextInt(0x100000));
                    default -> value.append((char) (0x20 + random.nextInt(0x5F)));
                }
            }
            String expected = value.toString();
            // the writer escapes only what it must; escape some other chars as \\uXXXX too, in either case
            StringBuilder json = new StringBuilder();
            String written = JsonWriter.write(new JsonString(expected));
            for (int i = 0; i < written.length(); i++) {
                char c = written.charAt(i);
                if (c == '\\') {
                    int escapeLength = written.charAt(i + 1) == 'u' ? 6 : 2;
                    json.append(written, i, i + escapeLength);
                    i += escapeLength - 1;
                } else if (i > 0 && i < written.length() - 1 && !Character.isSurrogate(c) && random.nextInt(10) == 0) {
                    json.append(String.format(random.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c));
                } else {
                    json.append(c);
                }
            }
            byte[] utf8 = json.toString().getBytes(StandardCharsets.UTF_8);
            assertThat(Json.parse(utf8)).as("run %d: %s", run, json).isEqualTo(new JsonString(expected));
            assertThat(Json.parse(json.toString())).isEqualTo(new JsonString(expected));
        }
    }

    @Test
    void keysSeenBeforeInAParseAreReadBackExactlyEvenWhenTheirHashesCollide() {
        // "Aa" and "BB" have the same hash code, as do "AaAa", "AaBB", "BBAa" and "BBBB"
        var expected = new ArrayList<Json>();
        StringBuilder text = new StringBuilder("[");
        String[] keys = {"Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB", "type", "name", "é", "a\\nb", "", "x".repeat(200)};
        String[] decoded = {"Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB", "type", "name", "é", "a\nb", "", "x".repeat(200)};
        for (int round = 0; round < 6; round++) {
            var members = new java.util.LinkedHashMap<String, Json>();
            text.append(round == 0 ? "{" : ",{");
            for (int k = 0; k < keys.length; k++) {
                int i = (k + round) % keys.length;
                members.put(decoded[i], JsonNumber.of(round * 100 + i));
                text.append(k == 0 ? "" : ",").append('"').append(keys[i]).append("\":").append(round * 100 + i);
            }
            text.append('}');
            expected.add(JsonObject.of(members));
        }
        text.append(']');
        JsonArray parsed = Json.parse(text.toString().getBytes(StandardCharsets.UTF_8)).asArray();
        assertThat(parsed).isEqualTo(JsonArray.of(expected));
        for (int r = 0; r < parsed.size(); r++) {
            assertThat(parsed.get(r).asObject().members().keySet()).as("round %d", r)
                    .containsExactlyElementsOf(expected.get(r).asObject().members().keySet());
        }
        assertThat(Json.parse(text.toString())).isEqualTo(parsed);
        // a key read again later in the parse is the same String, not a copy
        String first = parsed.get(1).asObject().members().keySet().stream().filter("type"::equals).findFirst().orElseThrow();
        String later = parsed.get(5).asObject().members().keySet().stream().filter("type"::equals).findFirst().orElseThrow();
        assertThat(later).isSameAs(first);
    }

    @Test
    void keysFromTheCacheStillObeyTheLengthLimitAndTheDuplicateRule() {
        Limits limits = new Limits(8, 5, 10);
        String many = "{\"a\":1,\"b\":1,\"c\":1,\"d\":1,\"e\":1,\"f\":1,\"g\":1,\"h\":1,\"i\":1,";
        assertThat(catchParseException(() -> JsonParser.parse((many + "\"abcdef\":1}").getBytes(StandardCharsets.UTF_8), limits)).getMessage())
                .isEqualTo("JSON parse error at offset " + many.length() + ": string of 6 characters is longer than the limit of 5;"
                        + " raise JsonParser.Limits.maxStringLength to accept it");
        assertRejected("[" + many + "\"j\":1},{\"a\":1,\"b\":2,\"a\":3}]", many.length() + 21,
                "duplicate object key \"a\"");
        assertRejected(many + "\"a\":2}", many.length(), "duplicate object key \"a\"");
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) out.writeBytes(part);
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- values

    @Test
    void parsesTheThreeLiterals() {
        assertThat(parse("true")).isSameAs(JsonBoolean.TRUE);
        assertThat(parse("false")).isSameAs(JsonBoolean.FALSE);
        assertThat(parse("null")).isSameAs(JsonNull.NULL);
    }

    @Test
    void parsesAPlainStringAsIs() {
        assertThat(parse("\"hello, world\"")).isEqualTo(new JsonString("hello, world"));
        assertThat(parseBytes("\"hello, world\"".getBytes(StandardCharsets.UTF_8))).isEqualTo(new JsonString("hello, world"));
    }

    @Test
    void parsesEveryShortEscape() {
        String text = "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"";
        assertThat(stringOf(parse(text))).isEqualTo("\"\\/\b\f\n\r\t");
        assertThat(stringOf(parseBytes(text.getBytes(StandardCharsets.UTF_8)))).isEqualTo("\"\\/\b\f\n\r\t");
    }

    @Test
    void parsesUnicodeEscapesWrittenInEitherCase() {
        assertThat(stringOf(parse("\"\\u00e9\\u00E9\\u0041\\u0000\\uFFFF\""))).isEqualTo("ééA\u0000\uffff");
    }

    @Test
    void parsesAnEscapedSurrogatePairAsOneEmoji() {
        String emoji = stringOf(parse("\"\\ud83d\\ude00\""));
        assertThat(emoji).isEqualTo("😀");
        assertThat(emoji.codePointAt(0)).isEqualTo(0x1F600);
        assertThat(stringOf(parse("\"\\uD83D\\uDE00\""))).isEqualTo("😀");
    }

    @Test
    void parsesTheRawUtf8BytesOfAnEmoji() {
        assertThat(stringOf(parseBytes(quoted("F0 9F 98 80")))).isEqualTo("😀");
    }

    @Test
    void parsesRawNonAsciiCharactersInAJavaString() {
        assertThat(stringOf(parse("\"é😀中\""))).isEqualTo("é😀中");
    }

    @Test
    void parsesEscapesMixedWithMultiByteCharacters() {
        String text = "\"a\\né😀\\u4e2d\\\"z\"";
        assertThat(stringOf(parse(text))).isEqualTo("a\né😀中\"z");
        assertThat(stringOf(parseBytes(text.getBytes(StandardCharsets.UTF_8)))).isEqualTo("a\né😀中\"z");
    }

    @Test
    void parsesALongStringThatNeedsDecodingFromBothInputs() {
        String value = "é\n".repeat(10_000) + "x";
        String text = JsonWriter.write(new JsonString(value));
        assertThat(stringOf(parse(text))).isEqualTo(value);
        assertThat(stringOf(parseBytes(text.getBytes(StandardCharsets.UTF_8)))).isEqualTo(value);
    }

    @Test
    void parsesEmptyContainersAsTheSharedInstances() {
        assertThat(parse("[]")).isSameAs(JsonArray.EMPTY);
        assertThat(parse("{}")).isSameAs(JsonObject.EMPTY);
        assertThat(parse("[ \n ]")).isSameAs(JsonArray.EMPTY);
        assertThat(parse("{ \t }")).isSameAs(JsonObject.EMPTY);
        assertThat(parse("\"\"")).isEqualTo(new JsonString(""));
    }

    @Test
    void parsesNestedStructures() {
        Json value = parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"params\":{\"items\":[1,\"two\",[true,null],{}]}}");
        assertThat(value).isEqualTo(Json.object("jsonrpc", "2.0", "id", 1,
                "params", Json.object("items", Json.array(1, "two", Json.array(true, JsonNull.NULL), Json.object()))));
    }

    @Test
    void keepsObjectMembersInDocumentOrder() {
        JsonObject object = parse("{\"z\":1,\"a\":2,\"m\":3}").asObject();
        assertThat(object.members().keySet()).containsExactly("z", "a", "m");
    }

    @Test
    void allowsSpaceTabCarriageReturnAndLineFeedAroundEveryToken() {
        String ws = " \t\r\n";
        String text = ws + "{" + ws + "\"a\"" + ws + ":" + ws + "[" + ws + "1" + ws + "," + ws + "2" + ws + "]" + ws + "}" + ws;
        assertThat(parse(text)).isEqualTo(Json.object("a", Json.array(1, 2)));
        assertThat(parseBytes(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(Json.object("a", Json.array(1, 2)));
    }

    @Test
    void rejectsFormFeedAndVerticalTabAsWhitespace() {
        assertRejected("\f1", 0, "expected a JSON value, found control character U+000C");
        assertRejected("[1,\u000b2]", 3, "found control character U+000B");
    }

    @Test
    void rejectsNonAsciiSpacesAsWhitespace() {
        JsonParseException e = rejected("\u00a01", Limits.DEFAULT);
        assertThat(e.offset()).isZero();
        assertThat(e.getMessage()).contains("expected a JSON value, found character U+00A0");
        assertRejectedBytes("[1,\u2028 2]".getBytes(StandardCharsets.UTF_8), 3, "found character U+2028");
    }

    @Test
    void givesTheSameTreeForAStringAndItsUtf8Bytes() {
        String text = "{\"name\":\"Bergen 🌧\",\"days\":[1,2.5,-3e2],\"ok\":true,\"note\":null,\"esc\":\"\\t\\u00e9\"}";
        assertThat(parseBytes(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(parse(text));
    }

    @Test
    void jsonParseDelegatesToTheParserWithDefaultLimits() {
        assertThat(Json.parse("[1]")).isEqualTo(Json.array(1));
        assertThat(Json.parse("[1]".getBytes(StandardCharsets.UTF_8))).isEqualTo(Json.array(1));
        assertThatThrownBy(() -> Json.parse("[".repeat(257))).isInstanceOf(JsonParseException.class)
                .hasMessageContaining("limit of 256");
    }

    // ---------------------------------------------------------------- numbers

    @Test
    void parsesIntegersThatFitALongAsLongs() {
        for (String text : List.of("0", "7", "-7", "123456789012345678", "-123456789012345678")) {
            JsonNumber number = parse(text).asNumber();
            assertThat(number.isLong()).as(text).isTrue();
            assertThat(number.longValue()).as(text).isEqualTo(Long.parseLong(text));
            assertThat(number.text()).isEqualTo(text);
        }
    }

    @Test
    void parsesTwoToThe53PlusOneExactly() {
        JsonNumber number = parse("9007199254740993").asNumber();
        assertThat(number.longValue()).isEqualTo(9007199254740993L);
        assertThat(number.text()).isEqualTo("9007199254740993");
    }

    @Test
    void parsesTheExtremesOfLongAsLongs() {
        assertThat(parse("9223372036854775807").asNumber().longValue()).isEqualTo(Long.MAX_VALUE);
        assertThat(parse("-9223372036854775808").asNumber().longValue()).isEqualTo(Long.MIN_VALUE);
        assertThat(parse("-9223372036854775808").asNumber().isLong()).isTrue();
    }

    @Test
    void keepsIntegersBeyondLongAsExactDecimals() {
        JsonNumber twoTo63 = parse("9223372036854775808").asNumber();
        assertThat(twoTo63.fitsLong()).isFalse();
        assertThat(twoTo63.decimalValue()).isEqualTo(new BigDecimal("9223372036854775808"));

        JsonNumber twoTo64 = parse("18446744073709551616").asNumber();
        assertThat(twoTo64.bigIntegerValue()).isEqualTo(java.math.BigInteger.TWO.pow(64));
        assertThat(twoTo64.text()).isEqualTo("18446744073709551616");

        JsonNumber belowMin = parse("-9223372036854775809").asNumber();
        assertThat(belowMin.decimalValue()).isEqualTo(new BigDecimal("-9223372036854775809"));

        JsonNumber huge = parse("-123456789012345678901234567890123456789").asNumber();
        assertThat(huge.text()).isEqualTo("-123456789012345678901234567890123456789");
    }

    @Test
    void parsesNegativeZeroAsZero() {
        assertThat(parse("-0")).isEqualTo(JsonNumber.of(0));
        assertThat(parse("-0").asNumber().text()).isEqualTo("0");
        assertThat(parse("-0.0")).isEqualTo(JsonNumber.of(0));
        assertThat(parse("-0e5")).isEqualTo(JsonNumber.of(0));
    }

    @Test
    void keepsDecimalsExact() {
        assertThat(parse("0.1").asNumber().decimalValue()).isEqualTo(new BigDecimal("0.1"));
        assertThat(parse("0.1").asNumber().text()).isEqualTo("0.1");
        assertThat(parse("1e-7").asNumber().decimalValue()).isEqualByComparingTo("0.0000001");
        assertThat(parse("1e-7").asNumber().text()).isEqualTo("1E-7");
        String pi = "3.14159265358979323846264338327950288419716939937510";
        assertThat(parse(pi).asNumber().text()).isEqualTo(pi);
        assertThat(parse("-2.50").asNumber().text()).isEqualTo("-2.50");
    }

    @Test
    void keepsHugeExponentsFiniteAndExact() {
        JsonNumber big = parse("1e400").asNumber();
        assertThat(big.decimalValue()).isEqualTo(new BigDecimal("1E+400"));
        assertThat(big.text()).isEqualTo("1E400");
        assertThat(parse("-1E+400").asNumber().decimalValue()).isEqualTo(new BigDecimal("-1E+400"));
        assertThat(parse("1E-400").asNumber().decimalValue()).isEqualTo(new BigDecimal("1E-400"));
        assertThat(parse("1e400").asNumber().doubleValue()).as("only the double view overflows").isInfinite();
    }

    @Test
    void turnsWholeNumbersWrittenWithExponentsIntoLongs() {
        assertThat(parse("1e2").asNumber().isLong()).isTrue();
        assertThat(parse("1e2")).isEqualTo(JsonNumber.of(100));
        assertThat(parse("1E+2")).isEqualTo(JsonNumber.of(100));
        assertThat(parse("1.5e3")).isEqualTo(JsonNumber.of(1500));
    }

    @Test
    void acceptsExponentsUpToTheLimit() {
        assertThat(parse("1e100000").asNumber().decimalValue()).isEqualTo(new BigDecimal("1E+100000"));
        assertThat(parse("-1e-100000").asNumber().decimalValue()).isEqualTo(new BigDecimal("-1E-100000"));
        assertThat(parse("1e00000000000000000001")).as("leading zeros in an exponent are allowed").isEqualTo(JsonNumber.of(10));
    }

    @Test
    void rejectsExponentsBeyondTheLimitWithoutBuildingTheNumber() {
        assertRejected("1e100001", 0, "number exponent has a magnitude above 100000");
        assertRejected("[1, -2e-100001]", 4, "magnitude above 100000");
        assertRejected("1e99999999999999999999999999", 0, "magnitude above 100000");
    }

    @Test
    void acceptsNumberLiteralsUpToTheLengthLimit() {
        String thousandDigits = "9".repeat(1000);
        assertThat(parse(thousandDigits).asNumber().text()).isEqualTo(thousandDigits);
        assertRejected("[" + "9".repeat(1001) + "]", 1,
                "number literal of 1001 characters is longer than the limit of 1000; raise JsonParser.Limits.maxNumberLength");
    }

    @Test
    void appliesACustomNumberLengthLimitToTheWholeLiteral() {
        Limits limits = new Limits(8, 100, 5);
        assertThat(JsonParser.parse("12345", limits)).isEqualTo(JsonNumber.of(12345));
        assertThat(JsonParser.parse("-1234", limits)).isEqualTo(JsonNumber.of(-1234));
        assertRejected("123456", limits, 0, "number literal of 6 characters is longer than the limit of 5");
        assertRejected("1.5e10", limits, 0, "number literal of 6 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.5", "-0.5", "1.50", "0.000123", "-0.0", "0e5", "1e-5", "123456789012345678.9",
            "1234567890123456789.5", "12345678901234567890.5", "0.00000000000000000000000123456789012345678",
            "9999999999999999999e-3", "-9999999999999999999.9", "9223372036854775807.0", "18446744073709551615e-2",
            "9223372036854775807", "9223372036854775808", "9999999999999999999", "-9223372036854775808",
            "-9223372036854775809", "-18446744073709551616", "1E+2", "2.5e-3", "7e0"})
    void readsEveryNumberExactlyAsTheJdkBigDecimalReadsItsLiteral(String literal) {
        JsonNumber expected = JsonNumber.of(new BigDecimal(literal));
        JsonNumber actual = parse(literal).asNumber();
        assertThat(actual.decimalValue()).as("same unscaled value and scale").isEqualTo(expected.decimalValue());
        assertThat(actual.text()).isEqualTo(expected.text());
        assertThat(actual.isLong()).isEqualTo(expected.isLong());
    }

    @Test
    void readsRandomNumberLiteralsExactlyAsTheJdkBigDecimalDoes() {
        Random random = new Random(7);
        for (int run = 0; run < 20_000; run++) {
            StringBuilder literal = new StringBuilder();
            if (random.nextBoolean()) literal.append('-');
            int intDigits = 1 + random.nextInt(22);
            literal.append(random.nextInt(4) == 0 ? '0' : (char) ('1' + random.nextInt(9)));
            if (literal.charAt(literal.length() - 1) != '0') {
                for (int k = 1; k < intDigits; k++) literal.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextBoolean()) {
                literal.append('.');
                int fractionDigits = 1 + random.nextInt(22);
                for (int k = 0; k < fractionDigits; k++) literal.append((char) ('0' + (random.nextInt(3) == 0 ? 0 : random.nextInt(10))));
            }
            if (random.nextInt(3) == 0) {
                literal.append(random.nextBoolean() ? 'e' : 'E').append(random.nextBoolean() ? "" : random.nextBoolean() ? "+" : "-");
                literal.append(random.nextInt(random.nextBoolean() ? 30 : 500));
            }
            String text = literal.toString();
            JsonNumber expected = JsonNumber.of(new BigDecimal(text));
            JsonNumber actual = parse(text).asNumber();
            assertThat(actual.text()).as(text).isEqualTo(expected.text());
            assertThat(actual.isLong()).as(text).isEqualTo(expected.isLong());
            assertThat(parseBytes(text.getBytes(StandardCharsets.UTF_8)).asNumber().text()).as(text).isEqualTo(expected.text());
        }
    }

    @ParameterizedTest(name = "{0} fails at offset {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            01         | 1 | numbers must not have leading zeros, found '1' after '0'
            -01        | 2 | numbers must not have leading zeros
            00         | 1 | numbers must not have leading zeros
            [007]      | 2 | numbers must not have leading zeros
            -          | 1 | expected a digit after '-', found end of input
            -a         | 1 | expected a digit after '-', found 'a'
            `- 1`      | 1 | expected a digit after '-', found ' '
            +1         | 0 | expected a JSON value, found '+'
            .5         | 0 | expected a JSON value, found '.'
            1.         | 2 | expected a digit after the decimal point, found end of input
            1.e5       | 2 | expected a digit after the decimal point, found 'e'
            [1.]       | 3 | expected a digit after the decimal point, found ']'
            1e         | 2 | expected a digit in the exponent, found end of input
            1e+        | 3 | expected a digit in the exponent, found end of input
            1E-x       | 3 | expected a digit in the exponent, found 'x'
            0x1F       | 1 | expected end of input after the JSON value, found 'x'
            1.5.5      | 3 | expected end of input after the JSON value, found '.'
            NaN        | 0 | expected a JSON value, found 'N'
            Infinity   | 0 | expected a JSON value, found 'I'
            -Infinity  | 1 | expected a digit after '-', found 'I'
            nan        | 1 | expected 'u' to complete the literal null, found 'a'
            """)
    void rejectsMalformedNumbers(String text, int offset, String reason) {
        assertRejected(text, offset, reason);
    }

    // ---------------------------------------------------------------- strings

    @ParameterizedTest(name = "{0} fails at offset {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "abc                | 4 | expected '"' to close the string that starts at offset 0, found end of input
            "                   | 1 | expected '"' to close the string that starts at offset 0, found end of input
            ["a","b             | 7 | expected '"' to close the string that starts at offset 5, found end of input
            "a\\                | 3 | expected an escape character after '\\', found end of input
            "\\x"               | 2 | expected one of " \\ / b f n r t u after '\\' in a string, found 'x'
            "\\'"               | 2 | found '''
            "\\U0041"           | 2 | found 'U'
            "\\u12"             | 5 | expected four hex digits after \\u, found '"'
            "\\u00g0"           | 5 | expected four hex digits after \\u, found 'g'
            "\\u                | 3 | expected four hex digits after \\u, found end of input
            'a'                 | 0 | expected a JSON value, found '''
            "\\ud800"           | 1 | unpaired surrogate escape \\uD800: a high surrogate (\\uD800-\\uDBFF) must be followed directly by a low surrogate escape (\\uDC00-\\uDFFF)
            "\\udc00"           | 1 | unpaired surrogate escape \\uDC00: a low surrogate (\\uDC00-\\uDFFF) may only follow a high surrogate escape
            "\\ude00\\ud83d"    | 1 | unpaired surrogate escape \\uDE00
            "a\\ud800\\u0041"   | 2 | unpaired surrogate escape \\uD800
            "\\ud800\\ud800"    | 1 | unpaired surrogate escape \\uD800
            "\\ud800x"          | 1 | unpaired surrogate escape \\uD800
            "\\ud800\\n"        | 1 | unpaired surrogate escape \\uD800
            "\\ud83d\\ude0"     | 12 | expected four hex digits after \\u, found '"'
            {"\\udfff":1}       | 2 | unpaired surrogate escape \\uDFFF
            """)
    void rejectsMalformedStrings(String text, int offset, String reason) {
        assertRejected(text, offset, reason);
    }

    @Test
    void rejectsUnescapedControlCharactersInStrings() {
        assertRejected("\"a\nb\"", 2, "unescaped control character U+000A in string; write it as an escape such as \\n or \\u000A");
        assertRejected("\"\t\"", 1, "unescaped control character U+0009");
        assertRejected("\"\u0000\"", 1, "unescaped control character U+0000");
        assertRejected("\"\u001f\"", 1, "unescaped control character U+001F");
        assertRejected("\"a\\n\r\"", 4, "unescaped control character U+000D");
        assertRejected("{\"k\u0001\":1}", 3, "unescaped control character U+0001");
    }

    @Test
    void acceptsDeleteAndSlashUnescaped() {
        assertThat(stringOf(parse("\"\u007f/\""))).isEqualTo("\u007f/");
    }

    @Test
    void rejectsARawUnpairedSurrogateInAJavaString() {
        JsonParseException lone = rejected("\"\ud800\"", Limits.DEFAULT);
        assertThat(lone.offset()).isEqualTo(1);
        assertThat(lone.getMessage()).contains("unpaired surrogate U+D800 in string");
        assertThat(rejected("\"a\udc00\"", Limits.DEFAULT).offset()).isEqualTo(2);
        assertThat(rejected("\"\ude00\ud83d\"", Limits.DEFAULT).offset()).isEqualTo(1);
        assertThat(rejected("\"é\ud83d\"", Limits.DEFAULT).offset()).isEqualTo(2);
        assertThat(rejected("\"\\ud83d\ude00\"", Limits.DEFAULT).getMessage())
                .as("an escape cannot pair with a raw surrogate").contains("unpaired surrogate escape \\uD83D");
    }

    @Test
    void describesAnUnpairedSurrogateFoundOutsideAString() {
        assertThat(rejected("[\ud800]", Limits.DEFAULT).getMessage())
                .isEqualTo("JSON parse error at offset 1: expected a JSON value or ']', found unpaired surrogate U+D800");
        assertThat(rejected("[😀]", Limits.DEFAULT).getMessage()).contains("found character U+1F600");
    }

    @Test
    void acceptsStringsUpToTheLengthLimitCountedAfterUnescaping() {
        Limits limits = new Limits(8, 5, 10);
        assertThat(JsonParser.parse("\"abcde\"", limits)).isEqualTo(new JsonString("abcde"));
        assertThat(JsonParser.parse("\"a\\nbcd\"", limits)).isEqualTo(new JsonString("a\nbcd"));
        assertThat(JsonParser.parse("\"ééééé\"".getBytes(StandardCharsets.UTF_8), limits)).isEqualTo(new JsonString("ééééé"));
        assertRejected("\"abcdef\"", limits, 0,
                "string of 6 characters is longer than the limit of 5; raise JsonParser.Limits.maxStringLength to accept it");
        assertRejected("[\"a\\nbcde\"]", limits, 1, "string of 6 characters is longer than the limit of 5");
        assertRejected("{\"abcdef\":1}", limits, 1, "string of 6 characters");
        JsonParseException bytes = catchParseException(
                () -> JsonParser.parse("\"éééééé\"".getBytes(StandardCharsets.UTF_8), limits)); // 12 bytes, 6 chars
        assertThat(bytes.offset()).isZero();
        assertThat(bytes.getMessage()).contains("string of 6 characters");
    }

    // ---------------------------------------------------------------- structure

    @ParameterizedTest(name = "{0} fails at offset {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ``            | 0 | expected a JSON value, found end of input
            `   `         | 3 | expected a JSON value, found end of input
            [             | 1 | expected a JSON value or ']', found end of input
            [1            | 2 | expected ',' or ']' after array element, found end of input
            [1,           | 3 | expected a JSON value after ',', found end of input
            [1,]          | 3 | expected a JSON value after ',' (trailing commas are not allowed), found ']'
            [1,,2]        | 3 | expected a JSON value after ',', found ','
            [,1]          | 1 | expected a JSON value or ']', found ','
            [1 2]         | 3 | expected ',' or ']' after array element, found '2'
            [1:2]         | 2 | expected ',' or ']' after array element, found ':'
            [1}           | 2 | expected ',' or ']' after array element, found '}'
            {             | 1 | expected '"' to start an object key or '}' to close the object, found end of input
            {,}           | 1 | expected '"' to start an object key or '}' to close the object, found ','
            {"a"          | 4 | expected ':' after object key, found end of input
            {"a" 1}       | 5 | expected ':' after object key, found '1'
            {"a"=1}       | 4 | expected ':' after object key, found '='
            {"a":         | 5 | expected a JSON value after ':', found end of input
            {"a":}        | 5 | expected a JSON value after ':', found '}'
            {"a":1        | 6 | expected ',' or '}' after object member, found end of input
            {"a":1,}      | 7 | expected '"' to start an object key after ',' (trailing commas are not allowed), found '}'
            {"a":1,       | 7 | expected '"' to start an object key after ',', found end of input
            {"a":1 "b":2} | 7 | expected ',' or '}' after object member, found '"'
            {"a":1]       | 6 | expected ',' or '}' after object member, found ']'
            {a:1}         | 1 | expected '"' to start an object key or '}' to close the object, found 'a'
            {1:1}         | 1 | found '1'
            {'a':1}       | 1 | found '''
            {null:1}      | 1 | found 'n'
            tru           | 3 | expected 'e' to complete the literal true, found end of input
            True          | 0 | expected a JSON value, found 'T'
            nul           | 3 | expected 'l' to complete the literal null, found end of input
            fals          | 4 | expected 'e' to complete the literal false, found end of input
            falsy         | 4 | expected 'e' to complete the literal false, found 'y'
            [trUe]        | 3 | expected 'u' to complete the literal true, found 'U'
            undefined     | 0 | expected a JSON value, found 'u'
            /* c */ 1     | 0 | expected a JSON value, found '/'
            [1 /* c */]   | 3 | expected ',' or ']' after array element, found '/'
            # c           | 0 | expected a JSON value, found '#'
            ]             | 0 | expected a JSON value, found ']'
            }             | 0 | expected a JSON value, found '}'
            :             | 0 | expected a JSON value, found ':'
            """)
    void rejectsMalformedStructure(String text, int offset, String reason) {
        assertRejected(text, offset, reason);
    }

    @ParameterizedTest(name = "{0} has garbage at offset {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            1 2              | 2  | '2'
            {}x              | 2  | 'x'
            []]              | 2  | ']'
            {}}              | 2  | '}'
            nullx            | 4  | 'x'
            truex            | 4  | 'x'
            true false       | 5  | 'f'
            "a""b"           | 3  | '"'
            "a" x            | 4  | 'x'
            {} {}            | 3  | '{'
            [] []            | 3  | '['
            1,               | 1  | ','
            [1],             | 3  | ','
            1 // c           | 2  | '/'
            [] /**/          | 3  | '/'
            123abc           | 3  | 'a'
            1.5e3e           | 5  | 'e'
            -0-              | 2  | '-'
            {"a":1}   }      | 10 | '}'
            """)
    void rejectsEveryKindOfTrailingGarbage(String text, int offset, String found) {
        assertRejected(text, offset, "expected end of input after the JSON value, found " + found);
    }

    @Test
    void rejectsLineComments() {
        assertRejected("// c\n1", 0, "expected a JSON value, found '/'");
        assertRejected("[1, // c\n2]", 4, "expected a JSON value after ',', found '/'");
    }

    @Test
    void rejectsTrailingControlCharacters() {
        assertRejected("0\u0000", 1, "expected end of input after the JSON value, found control character U+0000");
        assertRejected("1\f", 1, "expected end of input after the JSON value, found control character U+000C");
        assertRejected("[]\u007f", 2, "expected end of input after the JSON value, found character U+007F");
    }

    @Test
    void acceptsTrailingWhitespace() {
        assertThat(parse("[1] \r\n\t ")).isEqualTo(Json.array(1));
    }

    @Test
    void statesTheFullMessageWithOffsetExpectationAndFinding() {
        assertThat(rejected("{\"id\":1,\"ok\":truex}", Limits.DEFAULT).getMessage())
                .isEqualTo("JSON parse error at offset 17: expected ',' or '}' after object member, found 'x'");
    }

    // ---------------------------------------------------------------- duplicate keys

    @Test
    void rejectsADuplicateKeyAndNamesIt() {
        assertRejected("{\"a\":1,\"a\":2}", 7, "duplicate object key \"a\"; a key may appear only once in an object");
    }

    @Test
    void rejectsADuplicateKeyThatIsOnlySpelledDifferently() {
        assertRejected("{\"a\":1,\"\\u0061\":2}", 7, "duplicate object key \"a\"");
    }

    @Test
    void rejectsADuplicateWellKnownKeyWhateverItsSpelling() {
        // Well-known names come back as shared instances; one spelled with an escape is a different instance.
        assertRejected("{\"name\":1,\"name\":2}", 10, "duplicate object key \"name\"");
        assertRejected("{\"id\":1,\"jsonrpc\":\"2.0\",\"x\":0,\"id\":2}", 30, "duplicate object key \"id\"");
        assertRejected("{\"n\\u0061me\":1,\"name\":2}", 15, "duplicate object key \"name\"");
        assertRejected("{\"name\":1,\"n\\u0061me\":2}", 10, "duplicate object key \"name\"");
        // The decoded key is in an earlier object; the duplicate pair is plain.
        assertRejected("[{\"n\\u0061me\":1},{\"type\":1,\"type\":2}]", 27, "duplicate object key \"type\"");
        // Among other keys, which the shared key table holds too.
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 20; i++) many.append("\"key").append(i).append("\":").append(i).append(',');
        String text = many + "\"description\":1,\"key30\":0,\"description\":2}";
        assertRejected(text, text.lastIndexOf("\"description\""), "duplicate object key \"description\"");
        assertThat(parse("{\"name\":1,\"names\":2,\"nam\":3}").asObject().size()).isEqualTo(3);
    }

    @Test
    void findsExactlyTheDuplicateKeysOfRandomObjectsHoweverTheKeysAreSpelled() {
        // Few distinct keys, so duplicates are common and so are keys that share the parser's one-bit filter;
        // some spelled with escapes or too long for its key table, which the filter does not cover.
        String[] names = {"a", "b", "id", "name", "type", "key1", "key2", "x".repeat(30), "Zürich", "tab\\tkey"};
        Random random = new Random(17);
        for (int run = 0; run < 3_000; run++) {
            int size = 1 + random.nextInt(run % 5 == 0 ? 14 : 7);
            var seen = new HashSet<String>();
            String duplicate = null;
            StringBuilder text = new StringBuilder("[{\"lead\":0},{");
            for (int i = 0; i < size; i++) {
                String name = names[random.nextInt(names.length)];
                String decoded = name.replace("\\t", "\t");
                if (!seen.add(decoded) && duplicate == null) duplicate = decoded;
                String spelled = random.nextInt(4) == 0 ? "\\u00" + Integer.toHexString(name.charAt(0)) + name.substring(1) : name;
                text.append(i == 0 ? "" : ",").append('"').append(spelled).append("\":").append(i);
            }
            String json = text.append("}]").toString();
            byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
            if (duplicate == null) {
                assertThat(Json.parse(utf8).asArray().get(1).asObject().size()).as(json).isEqualTo(size);
            } else {
                assertThat(rejected(json, Limits.DEFAULT).getMessage()).as(json).contains("duplicate object key");
                assertThatThrownBy(() -> Json.parse(utf8)).as(json).isInstanceOf(JsonParseException.class)
                        .hasMessageContaining("duplicate object key");
            }
        }
    }

    @Test
    void rejectsADuplicateKeyInANestedObject() {
        assertRejected("{\"x\":{\"id\":1,\"id\":1}}", 13, "duplicate object key \"id\"");
        assertRejected("{\"a\":{},\"a\":[]}", 8, "duplicate object key \"a\"");
    }

    @Test
    void allowsTheSameKeyInSiblingAndNestedObjects() {
        assertThat(parse("[{\"a\":1},{\"a\":2}]")).isEqualTo(Json.array(Json.object("a", 1), Json.object("a", 2)));
        assertThat(parse("{\"a\":{\"a\":{\"a\":1}}}").asObject().object("a").object("a").number("a").intValue()).isEqualTo(1);
    }

    @Test
    void shortensALongDuplicateKeyAndEscapesItInTheMessage() {
        String key = "k".repeat(200);
        JsonParseException e = rejected("{\"" + key + "\":1,\"" + key + "\":2}", Limits.DEFAULT);
        assertThat(e.getMessage()).contains("duplicate object key \"" + "k".repeat(64) + "...\"").doesNotContain("k".repeat(65));
        assertThat(rejected("{\"a\\nb\":1,\"a\\nb\":2}", Limits.DEFAULT).getMessage()).contains("duplicate object key \"a\\nb\"");
    }

    // ---------------------------------------------------------------- depth

    @Test
    void acceptsNestingExactlyAtTheDepthLimitAndRejectsOneMore() {
        assertThat(parse("[".repeat(256) + "]".repeat(256))).isNotNull();
        assertRejected("[".repeat(257) + "]".repeat(257), 256,
                "arrays and objects are nested deeper than the limit of 256; raise JsonParser.Limits.maxDepth");
    }

    @Test
    void countsObjectsTowardsTheDepthLimit() {
        String open = "{\"a\":";
        assertThat(parse(open.repeat(255) + "{}" + "}".repeat(255))).isNotNull();
        assertRejected(open.repeat(256) + "{}" + "}".repeat(256), 256 * open.length(), "limit of 256");
    }

    @Test
    void countsEmptyAndMixedContainersTowardsACustomDepthLimit() {
        Limits limits = new Limits(3, 100, 100);
        assertThat(JsonParser.parse("[{\"a\":[]}]", limits)).isNotNull();
        assertRejected("[[[[]]]]", limits, 3, "limit of 3");
        assertRejected("[{\"a\":[{}]}]", limits, 7, "limit of 3");
        assertRejected("{\"a\":[[{}]]}", limits, 7, "limit of 3");
    }

    @Test
    void failsCleanlyOnAHundredThousandNestedArrays() {
        long start = System.nanoTime();
        assertRejected("[".repeat(100_000), 256, "limit of 256");
        assertRejected("[".repeat(100_000) + "]".repeat(100_000), 256, "limit of 256");
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(2_000);
    }

    @Test
    void failsCleanlyOnAHundredThousandNestedObjects() {
        assertRejected("{\"a\":".repeat(100_000), 256 * 5, "limit of 256");
        assertRejected("{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000), 256 * 5, "limit of 256");
    }

    @Test
    void parsesAHundredThousandNestedArraysWithoutUsingTheJavaStackWhenTheLimitAllows() {
        Limits deep = new Limits(100_000, 100, 100);
        String text = "[".repeat(100_000) + "]".repeat(100_000);
        Json value = JsonParser.parse(text, deep);
        assertThat(JsonWriter.write(value)).isEqualTo(text);
        assertThat(JsonParser.parse(text.getBytes(StandardCharsets.UTF_8), deep)).isInstanceOf(JsonArray.class);
        assertRejected("[".repeat(100_001), deep, 100_000, "limit of 100000");
    }

    // ---------------------------------------------------------------- UTF-8 and byte order marks

    @Test
    void rejectsAUtf8ByteOrderMark() {
        assertRejectedBytes(hex("EF BB BF 7B 7D"), 0,
                "a UTF-8 byte order mark (EF BB BF) is not allowed before JSON text; send the JSON without it");
        assertRejectedBytes(hex("EF BB BF"), 0, "byte order mark");
    }

    @Test
    void rejectsAByteOrderMarkCharacterAtTheStartOfAJavaString() {
        JsonParseException e = rejected("\uFEFF{}", Limits.DEFAULT);
        assertThat(e.offset()).isZero();
        assertThat(e.getMessage()).contains("a byte order mark (U+FEFF) is not allowed before JSON text");
    }

    @Test
    void acceptsAByteOrderMarkCharacterInsideAString() {
        assertThat(stringOf(parse("\"\uFEFF\""))).isEqualTo("\uFEFF");
        assertThat(stringOf(parseBytes(quoted("EF BB BF")))).isEqualTo("\uFEFF");
    }

    @ParameterizedTest(name = "bytes {0} are rejected: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            C0 AF             | overlong encoding starting with byte 0xC0
            C1 BF             | overlong encoding starting with byte 0xC1
            E0 80 AF          | overlong encoding starting with byte 0xE0
            E0 9F BF          | overlong encoding starting with byte 0xE0
            F0 80 80 AF       | overlong encoding starting with byte 0xF0
            F0 8F BF BF       | overlong encoding starting with byte 0xF0
            ED A0 80          | encoded surrogate starting with byte 0xED (U+D800-U+DFFF are not characters)
            ED BF BF          | encoded surrogate starting with byte 0xED
            ED A0 BD ED B8 80 | encoded surrogate starting with byte 0xED
            F4 90 80 80       | sequence starting with byte 0xF4 encodes a code point above U+10FFFF
            F7 BF BF BF       | sequence starting with byte 0xF7 encodes a code point above U+10FFFF
            F5 80 80 80       | sequence starting with byte 0xF5 encodes a code point above U+10FFFF
            F8 88 80 80 80    | byte 0xF8 never occurs in UTF-8
            FE                | byte 0xFE never occurs in UTF-8
            FF                | byte 0xFF never occurs in UTF-8
            80                | continuation byte 0x80 without a lead byte before it
            BF                | continuation byte 0xBF without a lead byte before it
            C3                | incomplete multi-byte sequence starting with byte 0xC3
            E2 82             | incomplete multi-byte sequence starting with byte 0xE2
            F0 9F 98          | incomplete multi-byte sequence starting with byte 0xF0
            C3 41             | incomplete multi-byte sequence starting with byte 0xC3
            E2 28 A1          | incomplete multi-byte sequence starting with byte 0xE2
            F0 9F 41 80       | incomplete multi-byte sequence starting with byte 0xF0
            """)
    void rejectsInvalidUtf8InAStringAtTheOffsetOfTheSequence(String bytes, String problem) {
        assertRejectedBytes(quoted(bytes), 1, "invalid UTF-8: " + problem);
    }

    @Test
    void countsTheOffsetOfInvalidUtf8InBytes() {
        // '"' 0, 'a' 1, 'é' 2-3, then the overlong pair at 4
        assertRejectedBytes(hex("22 61 C3 A9 C0 AF 22"), 4, "invalid UTF-8: overlong encoding");
        // a valid emoji (4 bytes) then a stray continuation byte at 6
        assertRejectedBytes(hex("22 F0 9F 98 80 61 80 22"), 6, "continuation byte 0x80");
    }

    @Test
    void rejectsASequenceCutShortByTheEndOfInput() {
        assertRejectedBytes(hex("22 C3"), 1, "incomplete multi-byte sequence starting with byte 0xC3");
        assertRejectedBytes(hex("22 F0 9F 98"), 1, "incomplete multi-byte sequence starting with byte 0xF0");
    }

    @ParameterizedTest(name = "U+{0} is accepted")
    @CsvSource(delimiter = '|', textBlock = """
            0080   | C2 80
            07FF   | DF BF
            0800   | E0 A0 80
            D7FF   | ED 9F BF
            E000   | EE 80 80
            FFFD   | EF BF BD
            FFFF   | EF BF BF
            10000  | F0 90 80 80
            1F600  | F0 9F 98 80
            10FFFF | F4 8F BF BF
            """)
    void acceptsTheBoundariesOfEachUtf8Length(String codePoint, String bytes) {
        String expected = new String(Character.toChars(Integer.parseInt(codePoint, 16)));
        assertThat(stringOf(parseBytes(quoted(bytes)))).isEqualTo(expected);
    }

    @Test
    void describesNonAsciiBytesFoundOutsideAString() {
        assertRejectedBytes("é".getBytes(StandardCharsets.UTF_8), 0, "expected a JSON value, found character U+00E9");
        assertRejectedBytes(hex("5B FF 5D"), 1,
                "expected a JSON value or ']', found invalid UTF-8 (byte 0xFF never occurs in UTF-8)");
        assertRejectedBytes(hex("31 20 C3"), 2,
                "expected end of input after the JSON value, found invalid UTF-8 (incomplete multi-byte sequence");
        assertRejectedBytes(hex("EF BB"), 0, "found invalid UTF-8 (incomplete multi-byte sequence starting with byte 0xEF)");
    }

    @Test
    void countsCharsForStringsAndBytesForByteArrays() {
        String text = "[\"é\", x]";
        assertThat(rejected(text, Limits.DEFAULT).offset()).isEqualTo(6);
        assertThat(rejected(text.getBytes(StandardCharsets.UTF_8)).offset()).isEqualTo(7);
    }

    @Test
    void decodesUtf8ExactlyAsTheJdkDoesForRandomByteSequences() {
        Random random = new Random(20261128);
        int[] interesting = {0x41, 0x7E, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC,
                0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7, 0xF8, 0xFF};
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int accepted = 0;
        for (int run = 0; run < 20_000; run++) {
            byte[] inner = new byte[1 + random.nextInt(8)];
            for (int k = 0; k < inner.length; k++) {
                int b = switch (random.nextInt(4)) {
                    case 0 -> 0x80 + random.nextInt(0x80);
                    case 1 -> 'a' + random.nextInt(26);
                    default -> interesting[random.nextInt(interesting.length)];
                };
                inner[k] = (byte) b;
            }
            byte[] document = new byte[inner.length + 2];
            document[0] = '"';
            System.arraycopy(inner, 0, document, 1, inner.length);
            document[document.length - 1] = '"';

            String jdk;
            try {
                jdk = decoder.decode(ByteBuffer.wrap(inner)).toString();
            } catch (CharacterCodingException e) {
                jdk = null;
            }
            String ours;
            try {
                ours = stringOf(parseBytes(document));
            } catch (JsonParseException e) {
                ours = null;
            }
            assertThat(ours).as("decoding %s", HexFormat.of().formatHex(inner)).isEqualTo(jdk);
            if (ours != null) accepted++;
        }
        assertThat(accepted).as("the sample must exercise both outcomes").isBetween(1_000, 19_000);
    }

    @Test
    void throwsOnlyJsonParseExceptionsOnMutatedDocumentsAndAgreesAcrossInputs() {
        Random random = new Random(8259);
        String seed = "{\"jsonrpc\":\"2.0\",\"id\":-12.5e3,\"params\":{\"a\":[true,false,null,\"x\\u00e9\\n😀\\ud83d\\ude00\"],"
                + "\"b\":{},\"c\":[0,1e-2,18446744073709551616]}}";
        char[] alphabet = "{}[]:,\"\\ -+.eE0123456789tfnulrsaxé😀\u0000\n\t/u\u007f".toCharArray();
        int parsed = 0;
        for (int run = 0; run < 20_000; run++) {
            StringBuilder text = new StringBuilder(seed);
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(text.length() + 1);
                char c = alphabet[random.nextInt(alphabet.length)];
                switch (random.nextInt(4)) {
                    case 0 -> text.insert(at, c);
                    case 1 -> { if (at < text.length()) text.deleteCharAt(at); }
                    case 2 -> { if (at < text.length()) text.setCharAt(at, c); }
                    default -> text.setLength(at);
                }
            }
            String mutated = text.toString();
            Json fromString;
            try {
                fromString = parse(mutated);
                parsed++;
            } catch (JsonParseException e) {
                assertThat(e.offset()).isBetween(0, mutated.length());
                fromString = null;
            }
            if (!isWellFormedUtf16(mutated)) {
                continue;
            }
            byte[] utf8 = mutated.getBytes(StandardCharsets.UTF_8);
            Json fromBytes;
            try {
                fromBytes = parseBytes(utf8);
            } catch (JsonParseException e) {
                assertThat(e.offset()).isBetween(0, utf8.length);
                fromBytes = null;
            }
            assertThat(fromBytes).as("bytes and String agree on <%s>", mutated).isEqualTo(fromString);
        }
        assertThat(parsed).as("some mutations stay valid JSON").isGreaterThan(100);
    }

    private static boolean isWellFormedUtf16(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- arguments and limits

    @Test
    void refusesNullArgumentsByName() {
        assertThatThrownBy(() -> JsonParser.parse((String) null, Limits.DEFAULT)).isInstanceOf(NullPointerException.class).hasMessage("text");
        assertThatThrownBy(() -> JsonParser.parse((byte[]) null, Limits.DEFAULT)).isInstanceOf(NullPointerException.class).hasMessage("utf8");
        assertThatThrownBy(() -> JsonParser.parse("1", null)).isInstanceOf(NullPointerException.class).hasMessage("limits");
    }

    @Test
    void defaultLimitsAreDepth256Strings16MebicharsNumbers1000() {
        assertThat(Limits.DEFAULT).isEqualTo(new Limits(256, 16 * 1024 * 1024, 1000));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void limitsRefuseADepthBelowOne(int depth) {
        assertThatThrownBy(() -> new Limits(depth, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxDepth must be at least 1, got " + depth);
    }

    @Test
    void limitsRefuseNegativeStringAndNonPositiveNumberLengths() {
        assertThatThrownBy(() -> new Limits(1, -1, 1)).hasMessage("maxStringLength must not be negative, got -1");
        assertThatThrownBy(() -> new Limits(1, 0, 0)).hasMessage("maxNumberLength must be at least 1, got 0");
        assertThat(JsonParser.parse("\"\"", new Limits(1, 0, 1))).isEqualTo(new JsonString(""));
    }

    // ---------------------------------------------------------------- decode blocks and the key tables

    /** A JSON string literal for {@code value}, escaping what must be and, when {@code escapeMore}, some more. */
    private static String literal(String value, Random random, boolean escapeMore) {
        var out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (Character.isHighSurrogate(c)) { // a pair is escaped as a whole or not at all
                char low = value.charAt(++i);
                if (escapeMore && random.nextBoolean()) {
                    out.append(String.format("\\u%04x\\u%04x", (int) c, (int) low));
                } else {
                    out.append(c).append(low);
                }
            } else if (c < 0x20 || escapeMore && random.nextInt(8) == 0) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    @Test
    void decodesStringsOfEveryLengthAcrossTheDecodeBlockBoundaries() {
        // The byte decoder fills its char buffer in blocks, growing it between them; a two-char step (4-byte UTF-8
        // or an escaped pair) may land on any block end. Strings of every length up to a few buffer doublings,
        // with the special character at every position, cover each such boundary.
        String[] specials = {"\n", "\"", "\u00e9", "\u20ac", "\ud83d\ude00", "\ud83d\ude00\ud83d\ude00", "\u0001"};
        var random = new Random(7);
        for (int length = 0; length <= 300; length++) {
            for (String special : specials) {
                for (int at : new int[]{0, length / 3, length / 2, Math.max(0, length - 1)}) {
                    var value = new StringBuilder("x".repeat(length));
                    value.insert(Math.min(at, value.length()), special);
                    String expected = value.toString();
                    for (boolean escapeMore : new boolean[]{false, true}) {
                        String text = literal(expected, random, escapeMore);
                        assertThat(stringOf(parseBytes(text.getBytes(StandardCharsets.UTF_8))))
                                .as("length %d, %s at %d", length, special, at).isEqualTo(expected);
                        assertThat(stringOf(parse(text))).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void decodesRandomUnicodeStringsExactly() {
        var random = new Random(11);
        char[] alphabet = "ab \"\\\n\t\u007f\u0080\u00e9\u00ff\u0100\u07ff\u0800\u20ac\uffff".toCharArray();
        for (int round = 0; round < 2000; round++) {
            var value = new StringBuilder();
            int length = random.nextInt(round < 1000 ? 40 : 5000);
            while (value.length() < length) {
                if (random.nextInt(10) == 0) {
                    value.appendCodePoint(0x10000 + random.nextInt(0x100000)); // a surrogate pair
                } else {
                    value.append(alphabet[random.nextInt(alphabet.length)]);
                }
            }
            String expected = value.toString();
            String text = literal(expected, random, random.nextBoolean());
            assertThat(stringOf(parseBytes(text.getBytes(StandardCharsets.UTF_8)))).isEqualTo(expected);
        }
    }

    @Test
    void decodesLongStringsThatTurnWideLate() {
        // Latin-1 text decodes into bytes until the first char above U+00FF, then the work moves to chars; both
        // buffers grow past the size where they stop jumping to the rest of the input and grow eightfold.
        var random = new Random(5);
        for (String wide : new String[]{"\u20ac", "\ud83d\ude00"}) {
            for (int latin : new int[]{15, 16, 17, 20_000, 70_000}) {
                String expected = "é\"x\n".repeat(latin / 4) + wide + "ab\\ü".repeat(30_000) + wide;
                for (boolean escapeMore : new boolean[]{false, true}) {
                    String text = literal(expected, random, escapeMore);
                    String doc = "[" + text + ",\"after\"," + text + "]";
                    var parsed = (JsonArray) parseBytes(doc.getBytes(StandardCharsets.UTF_8));
                    assertThat(stringOf(parsed.get(0))).isEqualTo(expected);
                    assertThat(stringOf(parsed.get(1))).isEqualTo("after");
                    assertThat(stringOf(parsed.get(2))).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void reportsTheFirstProblemOfALongStringAtItsOffset() {
        String prefix = "\"" + "é".repeat(100) + "x\\n".repeat(100);  // past several buffer growths
        int offset = prefix.getBytes(StandardCharsets.UTF_8).length;
        assertRejectedBytes(concat(prefix.getBytes(StandardCharsets.UTF_8), hex("C0 80"), "\\q\"".getBytes(StandardCharsets.UTF_8)),
                offset, "invalid UTF-8: overlong encoding starting with byte 0xC0");
        assertRejectedBytes(concat(prefix.getBytes(StandardCharsets.UTF_8), "\\q\"".getBytes(StandardCharsets.UTF_8)),
                offset + 1, "expected one of \" \\ / b f n r t u after '\\' in a string, found 'q'");
        assertRejectedBytes(concat(prefix.getBytes(StandardCharsets.UTF_8), "\\ud800x\"".getBytes(StandardCharsets.UTF_8)),
                offset, "unpaired surrogate escape \\uD800");
        assertRejectedBytes(prefix.getBytes(StandardCharsets.UTF_8), offset,
                "expected '\"' to close the string that starts at offset 0, found end of input");
        assertRejectedBytes((prefix + "\\").getBytes(StandardCharsets.UTF_8), offset + 1,
                "expected an escape character after '\\', found end of input");
    }

    @Test
    void readsKeysOfEveryLengthAroundThePackedWords() {
        // Plain keys of up to 24 bytes are packed into three longs; lengths around 8, 16 and 24 and keys that
        // differ only in their last byte must all come back as written, first time and from the tables.
        var text = new StringBuilder("[");
        var expected = new ArrayList<List<String>>();
        for (int round = 0; round < 3; round++) {
            for (int length = 1; length <= 30; length++) {
                var keys = new ArrayList<String>();
                String base = "k".repeat(length - 1);
                for (char last : new char[]{'a', 'b', '~', ' '}) keys.add(base + last);
                text.append(expected.isEmpty() ? "{" : ",{");
                for (int k = 0; k < keys.size(); k++) {
                    text.append(k == 0 ? "" : ",").append('"').append(keys.get(k)).append("\":").append(k);
                }
                text.append('}');
                expected.add(keys);
            }
        }
        text.append(']');
        var parsed = (JsonArray) parseBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < expected.size(); i++) {
            assertThat(parsed.get(i).asObject().members().keySet()).containsExactlyElementsOf(expected.get(i));
        }
    }

    @Test
    void keepsManyDistinctKeysApartWhenTheyShareTableSlots() {
        // Far more distinct keys than the shared key table has slots, each repeated, so slots are overwritten
        // again and again: every key must still be itself and duplicates still be found.
        var random = new Random(3);
        var names = new ArrayList<String>();
        for (int i = 0; i < 3000; i++) names.add("f" + Integer.toString(random.nextInt(1 << 30), 36));
        var text = new StringBuilder("[");
        for (int round = 0; round < 4; round++) {
            for (int o = 0; o < names.size(); o += 6) {
                text.append(text.length() == 1 ? "{" : ",{");
                for (int k = 0; k < 6; k++) {
                    text.append(k == 0 ? "" : ",").append('"').append(names.get(o + k)).append("\":").append(k);
                }
                text.append('}');
            }
        }
        var parsed = (JsonArray) parseBytes(text.append(']').toString().getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < parsed.size(); i++) {
            int o = (i * 6) % names.size();
            assertThat(parsed.get(i).asObject().members().keySet()).containsExactlyElementsOf(names.subList(o, o + 6));
        }
        String dup = "{\"" + names.get(0) + "\":1,\"" + names.get(1) + "\":2,\"" + names.get(0) + "\":3}";
        String many = text.substring(0, text.length() - 1) + "," + dup + "]";
        assertRejected(many, many.lastIndexOf("\"" + names.get(0) + "\""), "duplicate object key");
    }

    @Test
    void wellKnownKeysComeBackAsWrittenAndNearMissesAreNotConfused() {
        String text = "{\"jsonrpc\":1,\"jsonrpd\":2,\"id\":3,\"i\":4,\"idd\":5,\"additionalProperties\":6,"
                + "\"additionalPropertiez\":7,\"inputSchema\":8,\"inputSchem\":9,\"n\\u0061me\":10,\"name\":11}";
        assertRejected(text, text.indexOf("\"name\""), "duplicate object key \"name\"");
        var object = parseBytes(text.substring(0, text.lastIndexOf(",")).concat("}").getBytes(StandardCharsets.UTF_8))
                .asObject();
        assertThat(object.members().keySet()).containsExactly("jsonrpc", "jsonrpd", "id", "i", "idd",
                "additionalProperties", "additionalPropertiez", "inputSchema", "inputSchem", "name");
        assertThat(object.number("jsonrpd").intValue()).isEqualTo(2);
        assertThat(object.number("additionalPropertiez").intValue()).isEqualTo(7);
    }
}
