package dev.jmcp.json;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A JSON number. Integers that fit in a {@code long} are held as one; everything else keeps its exact decimal value,
 * so integers beyond 2^53 and long decimals survive a round trip unchanged.
 *
 * <p>Decimals whose digits fit a long and whose text needs no exponent (prices, coordinates, scores) are held as a
 * long and a scale, not as a {@link BigDecimal}: BigDecimal's static initializer computes power tables with BigInteger
 * arithmetic, 16 to 23 ms on JDK 25 even with an AOT cache (on TeaVM it runs in the first request of a fresh Worker),
 * and it would run in the cold start of any server whose first messages hold a decimal. BigDecimal is made only when
 * a caller asks for one or the value needs it.
 */
public final class JsonNumber implements Json {
    private static final JsonNumber[] SMALL = new JsonNumber[256];
    /** 10^0 to 10^18, every power of ten a long holds. */
    private static final long[] POWERS_OF_TEN = new long[19];
    /** 10^0 to 10^22, every power of ten a double holds exactly. */
    private static final double[] EXACT_DOUBLE_POWERS_OF_TEN = new double[23];

    static {
        for (int i = 0; i < SMALL.length; i++) SMALL[i] = new JsonNumber(i, 0, null);
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        EXACT_DOUBLE_POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < EXACT_DOUBLE_POWERS_OF_TEN.length; i++) {
            EXACT_DOUBLE_POWERS_OF_TEN[i] = EXACT_DOUBLE_POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /** The bounds of long as decimals, in a holder so that numbers held as longs never initialize BigDecimal. */
    private static final class LongRange {
        static final BigDecimal MIN = BigDecimal.valueOf(Long.MIN_VALUE);
        static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    }

    /** With {@link #scale}, the value when {@link #decimal} is null: unscaled x 10^-scale. */
    private final long unscaled;
    /** 0 for an integer; above 0 for a decimal held compactly. */
    private final int scale;
    private final BigDecimal decimal; // null when the two above hold the value

    private JsonNumber(long unscaled, int scale, BigDecimal decimal) {
        this.unscaled = unscaled;
        this.scale = scale;
        this.decimal = decimal;
    }

    public static JsonNumber of(long value) {
        return value >= 0 && value < SMALL.length ? SMALL[(int) value] : new JsonNumber(value, 0, null);
    }

    /** A finite double; NaN and infinities have no JSON form and are refused. */
    public static JsonNumber of(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON has no representation for " + value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 9.0e15) { // -0.0 too: JSON has one zero, written "0"
            return of((long) value);
        }
        return ofShortestText(Double.toString(value)); // as the parser would read the text back, so writes are stable
    }

    /**
     * The decimal {@link Double#toString} wrote, "[-]digits.digits" or "[-]d.digitsE[-]digits": at most 17
     * significant digits, so the digits always fit a long.
     */
    private static JsonNumber ofShortestText(String text) {
        long digits = 0;
        int fractionDigits = 0;
        boolean inFraction = false;
        int i = text.charAt(0) == '-' ? 1 : 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                inFraction = true;
            } else if (c == 'E') {
                break;
            } else {
                digits = digits * 10 + (c - '0');
                if (inFraction) fractionDigits++;
            }
        }
        int exponent = i < text.length() ? Integer.parseInt(text.substring(i + 1)) : 0;
        return decimal(text.charAt(0) == '-' ? -digits : digits, fractionDigits - exponent);
    }

    /**
     * unscaled x 10^-scale, as a long when it is a whole number that fits, compactly when its text is plain (as
     * {@link BigDecimal#toString} would write it: no exponent), otherwise as a BigDecimal.
     */
    static JsonNumber decimal(long unscaled, int scale) {
        if (scale <= 0) {
            if (-scale < POWERS_OF_TEN.length) {
                long power = POWERS_OF_TEN[-scale];
                long value = unscaled * power;
                if (value / power == unscaled) return of(value);
            }
        } else if (unscaled != Long.MIN_VALUE && digitCount(Math.abs(unscaled)) - 1 - scale >= -6) {
            return new JsonNumber(unscaled, scale, null);
        }
        return of(BigDecimal.valueOf(unscaled, scale));
    }

    private static int digitCount(long nonNegative) {
        int count = 1;
        while (count < POWERS_OF_TEN.length && nonNegative >= POWERS_OF_TEN[count]) count++;
        return count;
    }

    public static JsonNumber of(BigDecimal value) {
        if (value.scale() <= 0 && value.compareTo(LongRange.MIN) >= 0 && value.compareTo(LongRange.MAX) <= 0) {
            return of(value.longValueExact());
        }
        return new JsonNumber(0, 0, value);
    }

    /** True when the value is held as a long. */
    boolean isLong() {
        return decimal == null && scale == 0;
    }

    /** Writes {@link #text()}, without making it for the numbers held in a long. */
    void writeTo(Utf8Output out) {
        if (decimal != null) {
            out.ascii(text());
        } else if (scale == 0) {
            out.number(unscaled);
        } else {
            out.decimal(unscaled, scale);
        }
    }

    /** True when the value is a whole number (1, -7, 1e3, 2.0). */
    public boolean isIntegral() {
        if (decimal != null) return decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0;
        if (scale == 0) return true;
        return scale < POWERS_OF_TEN.length ? unscaled % POWERS_OF_TEN[scale] == 0 : unscaled == 0;
    }

    /** True when the value is a whole number within the range of {@code long}. */
    public boolean fitsLong() {
        if (decimal == null) return isIntegral(); // a compact decimal is no larger than its unscaled long
        if (!isIntegral()) return false;
        return decimal.compareTo(LongRange.MIN) >= 0 && decimal.compareTo(LongRange.MAX) <= 0;
    }

    /** The value as a long; an error when it has a fraction or does not fit. */
    public long longValue() {
        if (isLong()) return unscaled;
        if (!fitsLong()) {
            String plain = decimal == null ? text() : decimal.toPlainString();
            throw new ArithmeticException(plain + " is not a whole number within the range of a 64-bit integer");
        }
        if (decimal != null) return decimal.longValue();
        return scale < POWERS_OF_TEN.length ? unscaled / POWERS_OF_TEN[scale] : 0;
    }

    public int intValue() {
        long value = longValue();
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new ArithmeticException(value + " does not fit in a 32-bit integer");
        }
        return (int) value;
    }

    public double doubleValue() {
        if (decimal != null) return decimal.doubleValue();
        if (scale == 0) return (double) unscaled;
        // Both operands exact doubles, so the one rounding of the division gives the correctly rounded value.
        if (Math.abs(unscaled) < 1L << 53 && scale < EXACT_DOUBLE_POWERS_OF_TEN.length) {
            return unscaled / EXACT_DOUBLE_POWERS_OF_TEN[scale];
        }
        return decimalValue().doubleValue();
    }

    public BigDecimal decimalValue() {
        return decimal != null ? decimal : BigDecimal.valueOf(unscaled, scale);
    }

    public BigInteger bigIntegerValue() {
        return decimalValue().toBigIntegerExact();
    }

    /** The JSON text of this number: integers plainly, decimals in the shortest exact form. */
    public String text() {
        if (decimal != null) return decimal.toString().replace("E+", "E");
        if (scale == 0) return Long.toString(unscaled);
        var out = new Utf8Output(); // the writer's form, so text and output cannot drift apart
        out.decimal(unscaled, scale);
        return out.toUtf8String();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof JsonNumber other)) return false;
        if (decimal != null || other.decimal != null) return decimalValue().compareTo(other.decimalValue()) == 0;
        if (scale == other.scale) return unscaled == other.unscaled;
        long a = unscaled;
        long b = other.unscaled;
        int scaleA = scale;
        int scaleB = other.scale;
        while (scaleA > 0 && a % 10 == 0) {
            a /= 10;
            scaleA--;
        }
        while (scaleB > 0 && b % 10 == 0) {
            b /= 10;
            scaleB--;
        }
        return a == b && scaleA == scaleB;
    }

    /** Equal values hash alike in every form: by their digits without trailing zeros. */
    @Override
    public int hashCode() {
        if (decimal == null) {
            long u = unscaled;
            int s = scale;
            while (s > 0 && u % 10 == 0) {
                u /= 10;
                s--;
            }
            return hash(u, s);
        }
        BigDecimal normalized = decimal.stripTrailingZeros();
        if (normalized.scale() <= 0) {
            return fitsLong() ? hash(normalized.longValue(), 0) : normalized.hashCode();
        }
        return normalized.unscaledValue().bitLength() < 64
                ? hash(normalized.unscaledValue().longValue(), normalized.scale()) : normalized.hashCode();
    }

    private static int hash(long unscaled, int scale) {
        return scale == 0 ? Long.hashCode(unscaled) : 31 * Long.hashCode(unscaled) + scale;
    }

    @Override
    public String toString() {
        return text();
    }
}
