package dev.jmcp.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonNumberTest {

    private static JsonNumber parse(String text) {
        return Json.parse(text).asNumber();
    }

    /**
     * Decimals of few digits are held as a long and a scale, not as a BigDecimal; BigDecimal itself is the
     * reference they must match in every answer, over random digits and scales around every boundary.
     */
    @Test
    void compactDecimalsAnswerExactlyAsTheBigDecimalOfTheSameValue() {
        var random = new java.util.Random(7);
        for (int i = 0; i < 200_000; i++) {
            int digits = 1 + random.nextInt(19);
            long unscaled = random.nextLong() % (digits == 19 ? Long.MAX_VALUE : pow10(digits));
            if (random.nextInt(8) == 0) unscaled = unscaled / pow10(random.nextInt(digits)) * pow10(random.nextInt(4)); // trailing zeros
            if (random.nextInt(50) == 0) unscaled = 0;
            int scale = random.nextInt(50) - 22;
            var reference = new BigDecimal(BigInteger.valueOf(unscaled), scale);
            JsonNumber compact = JsonNumber.decimal(unscaled, scale);
            JsonNumber big = JsonNumber.of(reference);
            String what = unscaled + "e" + (-scale);

            assertThat(compact.text()).as(what).isEqualTo(big.text());
            assertThat(JsonWriter.write(Json.array(compact))).as(what).isEqualTo("[" + big.text() + "]");
            assertThat(compact).as(what).isEqualTo(big);
            assertThat(big).as(what).isEqualTo(compact);
            assertThat(compact.hashCode()).as(what).isEqualTo(big.hashCode());
            assertThat(compact.isIntegral()).as(what).isEqualTo(big.isIntegral());
            assertThat(compact.fitsLong()).as(what).isEqualTo(big.fitsLong());
            assertThat(compact.doubleValue()).as(what).isEqualTo(reference.doubleValue());
            assertThat(compact.decimalValue()).as(what).isEqualByComparingTo(reference);
            if (big.fitsLong()) {
                assertThat(compact.longValue()).as(what).isEqualTo(reference.longValueExact());
            } else {
                assertThatThrownBy(compact::longValue).as(what).isInstanceOf(ArithmeticException.class)
                        .hasMessage(reference.toPlainString() + " is not a whole number within the range of a 64-bit integer");
            }
            JsonNumber stripped = JsonNumber.of(reference.stripTrailingZeros());
            assertThat(compact).as(what).isEqualTo(stripped).hasSameHashCodeAs(stripped);
            assertThat(parse(compact.text())).as(what).isEqualTo(compact);
            assertThat(parse(compact.text()).text()).as(what).isEqualTo(compact.text());
        }
    }

    @Test
    void ofDoubleWritesTheTextTheBigDecimalOfItsShortestFormWould() {
        var random = new java.util.Random(11);
        for (int i = 0; i < 200_000; i++) {
            double value = switch (i % 3) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> (random.nextInt(2_000_000) - 1_000_000) / 100.0;
                default -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
            };
            if (!Double.isFinite(value)) continue;
            String expected = value == Math.rint(value) && Math.abs(value) < 9.0e15
                    ? Long.toString((long) value)
                    : JsonNumber.of(new BigDecimal(Double.toString(value))).text();
            JsonNumber number = JsonNumber.of(value);
            assertThat(number.text()).as("%s", value).isEqualTo(expected);
            assertThat(number.doubleValue()).as("%s", value).isEqualTo(value == 0 ? 0.0 : value);
        }
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) p *= 10;
        return p;
    }

    @Test
    void ofLongKeepsEveryLong() {
        for (long value : new long[] {0, 1, 255, 256, -1, Long.MAX_VALUE, Long.MIN_VALUE}) {
            JsonNumber number = JsonNumber.of(value);
            assertThat(number.longValue()).isEqualTo(value);
            assertThat(number.text()).isEqualTo(Long.toString(value));
            assertThat(number.isIntegral()).isTrue();
            assertThat(number.fitsLong()).isTrue();
        }
    }

    @Test
    void ofDoubleRefusesNaNAndTheInfinities() {
        assertThatThrownBy(() -> JsonNumber.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("JSON has no representation for NaN");
        assertThatThrownBy(() -> JsonNumber.of(Double.POSITIVE_INFINITY)).hasMessage("JSON has no representation for Infinity");
        assertThatThrownBy(() -> JsonNumber.of(Double.NEGATIVE_INFINITY)).hasMessage("JSON has no representation for -Infinity");
    }

    @Test
    void ofDoubleWritesWholeDoublesAsIntegers() {
        assertThat(JsonNumber.of(3.0).text()).isEqualTo("3");
        assertThat(JsonNumber.of(-3.0).text()).isEqualTo("-3");
        assertThat(JsonNumber.of(0.0).text()).isEqualTo("0");
        assertThat(JsonNumber.of(-0.0).text()).as("JSON has one zero").isEqualTo("0");
    }

    @Test
    void ofDoubleKeepsTheShortestDecimalThatReadsBackAsTheSameDouble() {
        assertThat(JsonNumber.of(0.1).decimalValue()).isEqualTo(new BigDecimal("0.1"));
        assertThat(JsonNumber.of(0.1).text()).isEqualTo("0.1");
        assertThat(JsonNumber.of(1e-7).doubleValue()).isEqualTo(1e-7);
        assertThat(JsonNumber.of(1e-7)).isEqualTo(parse("1e-7"));
        assertThat(JsonNumber.of(1e300).doubleValue()).isEqualTo(1e300);
        assertThat(Double.parseDouble(JsonNumber.of(Math.PI).text())).isEqualTo(Math.PI);
    }

    @Test
    void ofDoubleGivesTheSameTextAsParsingThatTextBack() {
        // regression: 4.6767402841876474E17 was written in exponent form but read back as a long, so a
        // write-parse-write changed the text
        for (double value : new double[] {4.6767402841876474E17, 1e17, 1e20, -3.3215816548092848E41, 1.5e-300}) {
            String text = JsonNumber.of(value).text();
            assertThat(Json.parse(text).asNumber().text()).as("%s", value).isEqualTo(text);
        }
        assertThat(JsonNumber.of(4.6767402841876474E17).text()).isEqualTo("467674028418764740");
    }

    @Test
    void ofBigDecimalTurnsWholeNumbersThatFitALongIntoLongs() {
        assertThat(JsonNumber.of(new BigDecimal("1E+3")).isLong()).isTrue();
        assertThat(JsonNumber.of(new BigDecimal("1E+3")).text()).isEqualTo("1000");
        assertThat(JsonNumber.of(new BigDecimal("-9223372036854775808")).isLong()).isTrue();
        assertThat(JsonNumber.of(new BigDecimal("9223372036854775808")).isLong()).isFalse();
        assertThat(JsonNumber.of(new BigDecimal("100.0")).text()).as("a written scale is kept").isEqualTo("100.0");
    }

    @Test
    void equalNumbersAreEqualWhateverTheirForm() {
        JsonNumber one = JsonNumber.of(1);
        for (JsonNumber same : new JsonNumber[] {parse("1"), parse("1.0"), parse("1.000"), parse("1e0"), parse("10e-1"),
                JsonNumber.of(1.0), JsonNumber.of(new BigDecimal("1.00"))}) {
            assertThat(same).isEqualTo(one);
            assertThat(one).isEqualTo(same);
            assertThat(same.hashCode()).as(same.text()).isEqualTo(one.hashCode());
        }
        assertThat(parse("1.5")).isNotEqualTo(one);
    }

    @Test
    void hashCodeAgreesWithEqualsForDecimalsAndBigIntegers() {
        assertThat(parse("0.10")).isEqualTo(parse("0.1")).hasSameHashCodeAs(parse("0.1"));
        assertThat(parse("1e400")).isEqualTo(parse("10e399")).hasSameHashCodeAs(parse("10e399"));
        assertThat(parse("0.0")).isEqualTo(parse("0")).hasSameHashCodeAs(parse("-0.000"));
        assertThat(parse("18446744073709551616")).isEqualTo(parse("1.8446744073709551616e19"))
                .hasSameHashCodeAs(parse("1.8446744073709551616e19"));
        assertThat(parse("1e17")).isEqualTo(JsonNumber.of(1e17)).hasSameHashCodeAs(JsonNumber.of(1e17));
    }

    @Test
    void saysWhetherItIsIntegralAndFitsALong() {
        assertThat(parse("2.0").isIntegral()).isTrue();
        assertThat(parse("2.0").fitsLong()).isTrue();
        assertThat(parse("2.5").isIntegral()).isFalse();
        assertThat(parse("2.5").fitsLong()).isFalse();
        assertThat(parse("1e400").isIntegral()).isTrue();
        assertThat(parse("1e400").fitsLong()).isFalse();
        assertThat(parse("9223372036854775808").fitsLong()).isFalse();
        assertThat(parse("0.000").isIntegral()).isTrue();
    }

    @Test
    void longValueRefusesFractionsAndOverflowAndSaysWhy() {
        assertThat(parse("2.0").longValue()).isEqualTo(2);
        assertThatThrownBy(() -> parse("2.5").longValue()).isInstanceOf(ArithmeticException.class)
                .hasMessage("2.5 is not a whole number within the range of a 64-bit integer");
        assertThatThrownBy(() -> parse("18446744073709551616").longValue())
                .hasMessage("18446744073709551616 is not a whole number within the range of a 64-bit integer");
    }

    @Test
    void intValueRefusesValuesBeyondAnInt() {
        assertThat(JsonNumber.of(Integer.MIN_VALUE).intValue()).isEqualTo(Integer.MIN_VALUE);
        assertThatThrownBy(() -> JsonNumber.of(1L << 31).intValue()).isInstanceOf(ArithmeticException.class)
                .hasMessage("2147483648 does not fit in a 32-bit integer");
    }

    @Test
    void twoToThe53PlusOneSurvivesWhereADoubleWouldNot() {
        JsonNumber number = parse("9007199254740993");
        assertThat(number.longValue()).isEqualTo(9007199254740993L);
        assertThat((long) number.doubleValue()).as("the double view rounds").isEqualTo(9007199254740992L);
        assertThat(Json.write(number)).isEqualTo("9007199254740993");
    }

    @Test
    void hugeDecimalsStayExactWhileTheirDoubleViewOverflows() {
        JsonNumber number = parse("-1e400");
        assertThat(number.doubleValue()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(number.decimalValue()).isEqualTo(new BigDecimal("-1E+400"));
        assertThat(number.text()).isEqualTo("-1E400");
    }

    @Test
    void bigIntegerValueIsExact() {
        assertThat(parse("18446744073709551616").bigIntegerValue()).isEqualTo(BigInteger.TWO.pow(64));
        assertThat(parse("-9223372036854775808").bigIntegerValue()).isEqualTo(BigInteger.valueOf(Long.MIN_VALUE));
        assertThatThrownBy(() -> parse("0.5").bigIntegerValue()).isInstanceOf(ArithmeticException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0E-10", "-1.23E-10", "1E+400", "1E-400", "123456789.123456789", "-0.000001", "0.0000001",
            "12345678901234567890123456789e-5", "5E+20", "-7.5E+3"})
    void textOfAnyDecimalIsJsonThatReadsBackEqual(String decimal) {
        JsonNumber number = JsonNumber.of(new BigDecimal(decimal));
        JsonNumber back = parse(number.text());
        assertThat(back).isEqualTo(number);
        assertThat(back.text()).isEqualTo(number.text());
    }

    @Test
    void smallNonNegativeLongsAreShared() {
        assertThat(JsonNumber.of(7)).isSameAs(JsonNumber.of(7)).isSameAs(parse("7"));
        assertThat(JsonNumber.of(255)).isSameAs(JsonNumber.of(255));
    }
}
