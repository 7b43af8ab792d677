package dev.jmcp.json;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A JSON number. Integers that fit in a {@code long} are held as one; everything else keeps its exact decimal value,
 * so integers beyond 2^53 and long decimals survive a round trip unchanged.
 */
public final class JsonNumber implements Json {
    private static final JsonNumber[] SMALL = new JsonNumber[256];

    static {
        for (int i = 0; i < SMALL.length; i++) SMALL[i] = new JsonNumber(i, null);
    }

    /**
     * The bounds of long as decimals, in a holder so that numbers held as longs never initialize BigDecimal: on TeaVM
     * its static initializer (power tables, BigInteger arithmetic) runs in the first request of a fresh Worker.
     */
    private static final class LongRange {
        static final BigDecimal MIN = BigDecimal.valueOf(Long.MIN_VALUE);
        static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    }

    private final long longValue;
    private final BigDecimal decimal; // null when the value is the long above

    private JsonNumber(long longValue, BigDecimal decimal) {
        this.longValue = longValue;
        this.decimal = decimal;
    }

    public static JsonNumber of(long value) {
        return value >= 0 && value < SMALL.length ? SMALL[(int) value] : new JsonNumber(value, null);
    }

    /** A finite double; NaN and infinities have no JSON form and are refused. */
    public static JsonNumber of(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON has no representation for " + value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 9.0e15) { // -0.0 too: JSON has one zero, written "0"
            return of((long) value);
        }
        return of(new BigDecimal(Double.toString(value))); // as the parser would read the text back, so writes are stable
    }

    public static JsonNumber of(BigDecimal value) {
        if (value.scale() <= 0 && value.compareTo(LongRange.MIN) >= 0 && value.compareTo(LongRange.MAX) <= 0) {
            return of(value.longValueExact());
        }
        return new JsonNumber(0, value);
    }

    /** True when the value is held as a long, so the writer can skip {@link #text()}. */
    boolean isLong() {
        return decimal == null;
    }

    /** True when the value is a whole number (1, -7, 1e3, 2.0). */
    public boolean isIntegral() {
        if (decimal == null) return true;
        return decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0;
    }

    /** True when the value is a whole number within the range of {@code long}. */
    public boolean fitsLong() {
        if (decimal == null) return true;
        if (!isIntegral()) return false;
        return decimal.compareTo(LongRange.MIN) >= 0 && decimal.compareTo(LongRange.MAX) <= 0;
    }

    /** The value as a long; an error when it has a fraction or does not fit. */
    public long longValue() {
        if (decimal == null) return longValue;
        if (!fitsLong()) {
            throw new ArithmeticException(decimal.toPlainString() + " is not a whole number within the range of a 64-bit integer");
        }
        return decimal.longValue();
    }

    public int intValue() {
        long value = longValue();
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new ArithmeticException(value + " does not fit in a 32-bit integer");
        }
        return (int) value;
    }

    public double doubleValue() {
        return decimal == null ? (double) longValue : decimal.doubleValue();
    }

    public BigDecimal decimalValue() {
        return decimal == null ? BigDecimal.valueOf(longValue) : decimal;
    }

    public BigInteger bigIntegerValue() {
        return decimalValue().toBigIntegerExact();
    }

    /** The JSON text of this number: integers plainly, decimals in the shortest exact form. */
    public String text() {
        if (decimal == null) return Long.toString(longValue);
        return decimal.toString().replace("E+", "E");
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof JsonNumber other)) return false;
        if (decimal == null && other.decimal == null) return longValue == other.longValue;
        return decimalValue().compareTo(other.decimalValue()) == 0;
    }

    @Override
    public int hashCode() {
        if (decimal == null) return Long.hashCode(longValue);
        BigDecimal normalized = decimal.stripTrailingZeros();
        return fitsLong() ? Long.hashCode(normalized.longValue()) : normalized.hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}
