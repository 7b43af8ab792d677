package dev.jmcp.json;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;

/**
 * A strict RFC 8259 parser that builds the {@link Json} tree. Input comes from the network, so it is treated as
 * hostile: anything outside the grammar is a {@link JsonParseException} with the offset, and {@link Limits} bound
 * nesting depth, string length and number length.
 *
 * <pre>{@code
 * Json request = JsonParser.parse(body, JsonParser.Limits.DEFAULT);           // body is the raw UTF-8 byte[]
 * var tight = new JsonParser.Limits(32, 64 * 1024, 100);
 * Json config = JsonParser.parse("{\"name\":\"weather\"}", tight);
 * }</pre>
 *
 * <p>What is refused, beyond plain syntax errors: comments, trailing commas, leading zeros, {@code NaN} and
 * {@code Infinity}, single quotes, unescaped control characters in strings, unknown escapes, surrogate escapes that
 * do not form a pair, duplicate keys in one object, a byte order mark, and anything after the one top-level value
 * but whitespace (space, tab, CR, LF). The {@code byte[]} form decodes UTF-8 strictly: overlong forms, encoded
 * surrogates, truncated sequences and code points above U+10FFFF are errors at their byte offset. A
 * {@code String} must be well-formed UTF-16; an unpaired surrogate in it is an error. So every parsed string is
 * valid Unicode and encodes to UTF-8 without loss.
 *
 * <p>Numbers: an integer that fits in a {@code long} becomes one; anything else keeps its exact decimal value as a
 * {@link BigDecimal} (2^64, 0.1 and 1e400 are all exact). {@code -0} is the integer 0. An exponent with a
 * magnitude above 100000 is refused, because arithmetic on such a value can take unbounded time and memory.
 *
 * <p>The parser is iterative: depth costs heap for one frame per open array or object, never Java stack, so a
 * hostile {@code [[[[...} fails cleanly at {@link Limits#maxDepth()}. A parse is single-threaded and allocates
 * nothing per character. From bytes, a plain ASCII string becomes a String by one copy from the input; any other is
 * checked and decoded in one pass into a scratch buffer; and a short key met before, in this document or an earlier
 * one, comes back as the same String without being decoded again.
 */
public final class JsonParser {
    /** The largest exponent magnitude accepted in a number literal, as in {@code 1e100000}. */
    static final int MAX_EXPONENT = 100_000;

    /**
     * Bounds on one parse. Every limit is checked before the work it bounds is done.
     *
     * @param maxDepth        how many arrays and objects may be open at once; the top-level value is at depth 1
     *                        when it is an array or object
     * @param maxStringLength the longest string or object key, in {@code char}s after unescaping
     * @param maxNumberLength the longest number literal, in characters as written
     */
    public record Limits(int maxDepth, int maxStringLength, int maxNumberLength) {
        /** Depth 256, strings up to 16 Mi chars, number literals up to 1000 characters. */
        public static final Limits DEFAULT = new Limits(256, 16 * 1024 * 1024, 1000);

        public Limits {
            if (maxDepth < 1) {
                throw new IllegalArgumentException("maxDepth must be at least 1, got " + maxDepth);
            }
            if (maxStringLength < 0) {
                throw new IllegalArgumentException("maxStringLength must not be negative, got " + maxStringLength);
            }
            if (maxNumberLength < 1) {
                throw new IllegalArgumentException("maxNumberLength must be at least 1, got " + maxNumberLength);
            }
        }
    }

    private JsonParser() {
    }

    /** Parses one JSON text; offsets in errors are {@code char} indexes into {@code text}. */
    public static Json parse(String text, Limits limits) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(limits, "limits");
        return new CharCursor(text, limits).document();
    }

    /** Parses one JSON text encoded as UTF-8; offsets in errors are byte indexes into {@code utf8}. */
    public static Json parse(byte[] utf8, Limits limits) {
        Objects.requireNonNull(utf8, "utf8");
        Objects.requireNonNull(limits, "limits");
        return new ByteCursor(utf8, limits).document();
    }

    private static final char[] NO_CHARS = {};

    /**
     * One open array or object. Frames are reused by depth, and so are their buffers: siblings fill the same ones,
     * and a closed array or object gets exact-size copies, so there is no growing and no builder per value.
     */
    private static final class Frame {
        boolean array;                        // which of the two this frame holds now
        Object[] items;                       // the elements so far, while an array (see Members.values)
        int count;
        Members members;                      // the members so far, while an object
        String name;                          // the key whose value is being parsed
        int nameOffset;                       // where that key starts, to report a duplicate
        long nameBit;                         // that key's bit for Members.addNew

        void add(Json item) {
            if (count == items.length) items = Arrays.copyOf(items, 2 * count);
            items[count++] = item;
        }
    }

    // What the grammar wanted when a value failed to start; the error message says which.
    private static final int TOP_LEVEL = 0;
    private static final int FIRST_ELEMENT = 1;
    private static final int NEXT_ELEMENT = 2;
    private static final int MEMBER_VALUE = 3;

    /**
     * The grammar, shared by both inputs. Subclasses supply the per-character work: whitespace, strings and the
     * description of what was found at an offset. Code units are bytes (0-255) or chars; -1 is the end of input.
     */
    private abstract static class Cursor {
        final int end;
        final Limits limits;
        int pos;
        /** Scratch for strings that need decoding; reused by every string of one parse, made when first needed. */
        char[] chars = NO_CHARS;
        int length;
        /** Set by {@link #key()} to one bit picked by a hash of the key's text, when it has that hash at hand. */
        long keyBit;
        private Frame[] frames = new Frame[8];

        Cursor(int end, Limits limits) {
            this.end = end;
            this.limits = limits;
        }

        /** The code unit at {@code i}, which must be below {@link #end}. */
        abstract int at(int i);

        /** Moves {@link #pos} past whitespace and returns the code unit there, or -1 at the end of input. */
        abstract int skipWhitespace();

        /** Reads the string whose opening quote is at {@link #pos}; leaves {@link #pos} after the closing quote. */
        abstract String string();

        /** Reads an object key, as {@link #string()} does. */
        String key() {
            return string();
        }

        /** The input between two offsets, known to be ASCII (a number literal). */
        abstract String ascii(int from, int to);

        /** What is at offset {@code i}, for "found ..." in messages. */
        abstract String describe(int i);

        abstract void rejectByteOrderMark();

        final Json document() {
            rejectByteOrderMark();
            Json value = value(skipWhitespace());
            if (skipWhitespace() >= 0) {
                throw fail(pos, "expected end of input after the JSON value, found " + describe(pos));
            }
            return value;
        }

        private Json value(int c) {
            int depth = 0;
            int context = TOP_LEVEL;
            Json value;
            next:
            while (true) {
                switch (c) {
                    case '{' -> {
                        int open = pos++;
                        checkDepth(depth, open);
                        c = skipWhitespace();
                        if (c == '}') {
                            pos++;
                            value = JsonObject.EMPTY;
                        } else {
                            Frame frame = push(depth++);
                            frame.array = false;
                            if (frame.members == null) frame.members = new Members(4);
                            c = memberName(frame, c, true);
                            context = MEMBER_VALUE;
                            continue next;
                        }
                    }
                    case '[' -> {
                        int open = pos++;
                        checkDepth(depth, open);
                        c = skipWhitespace();
                        if (c == ']') {
                            pos++;
                            value = JsonArray.EMPTY;
                        } else {
                            Frame frame = push(depth++);
                            frame.array = true;
                            frame.count = 0;
                            if (frame.items == null) frame.items = new Object[4];
                            context = FIRST_ELEMENT;
                            continue next;
                        }
                    }
                    case '"' -> value = new JsonString(string());
                    case 't' -> {
                        literal("true");
                        value = JsonBoolean.TRUE;
                    }
                    case 'f' -> {
                        literal("false");
                        value = JsonBoolean.FALSE;
                    }
                    case 'n' -> {
                        literal("null");
                        value = JsonNull.NULL;
                    }
                    case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> value = number(c);
                    default -> throw fail(pos, expectedValue(context, c) + ", found " + describe(pos));
                }
                while (depth > 0) {
                    Frame frame = frames[depth - 1];
                    c = skipWhitespace();
                    if (frame.array) {
                        frame.add(value);
                        if (c == ',') {
                            pos++;
                            c = skipWhitespace();
                            context = NEXT_ELEMENT;
                            continue next;
                        }
                        if (c != ']') {
                            throw fail(pos, "expected ',' or ']' after array element, found " + describe(pos));
                        }
                        pos++;
                        value = JsonArray.copyOf(frame.items, frame.count);
                    } else {
                        if (!frame.members.addNew(frame.name, value, frame.nameBit)) {
                            throw fail(frame.nameOffset, "duplicate object key " + quote(frame.name)
                                    + "; a key may appear only once in an object");
                        }
                        if (c == ',') {
                            pos++;
                            c = memberName(frame, skipWhitespace(), false);
                            context = MEMBER_VALUE;
                            continue next;
                        }
                        if (c != '}') {
                            throw fail(pos, "expected ',' or '}' after object member, found " + describe(pos));
                        }
                        pos++;
                        value = JsonObject.takeCopy(frame.members); // empties the members for the next object
                        frame.name = null;
                    }
                    depth--;
                }
                return value;
            }
        }

        private static String expectedValue(int context, int found) {
            return switch (context) {
                case FIRST_ELEMENT -> "expected a JSON value or ']'";
                case NEXT_ELEMENT -> found == ']'
                        ? "expected a JSON value after ',' (trailing commas are not allowed)"
                        : "expected a JSON value after ','";
                case MEMBER_VALUE -> "expected a JSON value after ':'";
                default -> "expected a JSON value";
            };
        }

        /** Refuses to open one more array or object when {@code depth} are open already; empty ones count too. */
        private void checkDepth(int depth, int open) {
            if (depth >= limits.maxDepth()) {
                throw fail(open, "arrays and objects are nested deeper than the limit of " + limits.maxDepth()
                        + "; raise JsonParser.Limits.maxDepth to accept deeper documents");
            }
        }

        private Frame push(int depth) {
            if (depth == frames.length) {
                frames = Arrays.copyOf(frames, depth * 2);
            }
            Frame frame = frames[depth];
            if (frame == null) {
                frame = new Frame();
                frames[depth] = frame;
            }
            return frame;
        }

        /** Reads a key and its colon; returns the first code unit of the member's value. */
        private int memberName(Frame frame, int c, boolean first) {
            if (c != '"') {
                String expected = first
                        ? "expected '\"' to start an object key or '}' to close the object"
                        : c == '}' ? "expected '\"' to start an object key after ',' (trailing commas are not allowed)"
                        : "expected '\"' to start an object key after ','";
                throw fail(pos, expected + ", found " + describe(pos));
            }
            frame.nameOffset = pos;
            keyBit = 0;
            frame.name = key();
            frame.nameBit = keyBit;
            if (skipWhitespace() != ':') {
                throw fail(pos, "expected ':' after object key, found " + describe(pos));
            }
            pos++;
            return skipWhitespace();
        }

        private void literal(String word) {
            int i = pos + 1;
            for (int k = 1; k < word.length(); k++, i++) {
                if (i >= end || at(i) != word.charAt(k)) {
                    throw fail(i, "expected '" + word.charAt(k) + "' to complete the literal " + word + ", found "
                            + describe(i));
                }
            }
            pos = i;
        }

        /**
         * Reads a number literal. The digits accumulate into a long while there are at most 19 significant ones
         * (below 2^64, so exact): integers that fit become a long, decimals that long and a scale, with no text in
         * between. Only longer literals go through {@code new BigDecimal(String)}.
         */
        private Json number(int c) {
            int start = pos;
            int i = start;
            boolean negative = c == '-';
            if (negative) {
                i++;
            }
            int d = i < end ? at(i) : -1;
            if (!isDigit(d)) {
                throw fail(i, "expected a digit after '-', found " + describe(i));
            }
            long mantissa = 0;   // the digits so far, as an unsigned value while significant <= 19
            int significant = 0; // digits from the first non-zero one on
            if (d == '0') {
                i++;
                if (i < end && isDigit(at(i))) {
                    throw fail(i, "numbers must not have leading zeros, found " + describe(i) + " after '0'");
                }
            } else {
                do {
                    mantissa = mantissa * 10 + (d - '0');
                    significant++;
                    i++;
                } while (i < end && isDigit(d = at(i)));
            }
            boolean integer = true;
            int fractionDigits = 0;
            if (i < end && at(i) == '.') {
                integer = false;
                i++;
                if (i >= end || !isDigit(at(i))) {
                    throw fail(i, "expected a digit after the decimal point, found " + describe(i));
                }
                do {
                    d = at(i);
                    if (significant > 0 || d != '0') {
                        mantissa = mantissa * 10 + (d - '0');
                        significant++;
                    }
                    fractionDigits++;
                    i++;
                } while (i < end && isDigit(at(i)));
            }
            int exponent = 0;
            if (i < end && (at(i) | 0x20) == 'e') {
                integer = false;
                i++;
                boolean negativeExponent = false;
                if (i < end && (at(i) == '+' || at(i) == '-')) {
                    negativeExponent = at(i) == '-';
                    i++;
                }
                if (i >= end || !isDigit(at(i))) {
                    throw fail(i, "expected a digit in the exponent, found " + describe(i));
                }
                do {
                    if (exponent <= MAX_EXPONENT) {
                        exponent = exponent * 10 + at(i) - '0';
                    }
                    i++;
                } while (i < end && isDigit(at(i)));
                if (exponent > MAX_EXPONENT) {
                    throw fail(start, "number exponent has a magnitude above " + MAX_EXPONENT
                            + "; such numbers are refused because exact arithmetic on them is unbounded");
                }
                if (negativeExponent) {
                    exponent = -exponent;
                }
            }
            int literalLength = i - start;
            if (literalLength > limits.maxNumberLength()) {
                throw fail(start, "number literal of " + literalLength + " characters is longer than the limit of "
                        + limits.maxNumberLength() + "; raise JsonParser.Limits.maxNumberLength to accept it");
            }
            pos = i;
            if (significant <= 19) {
                // Unsigned, mantissa < 10^19 < 2^64. As a signed long it is negative when above Long.MAX_VALUE;
                // only -2^63 (Long.MIN_VALUE itself) still fits, and only with a minus sign.
                if (integer) {
                    if (mantissa >= 0 || negative && mantissa == Long.MIN_VALUE) {
                        return JsonNumber.of(negative ? -mantissa : mantissa);
                    }
                } else if (mantissa >= 0) {
                    return JsonNumber.decimal(negative ? -mantissa : mantissa, fractionDigits - exponent);
                }
            }
            return JsonNumber.of(new BigDecimal(ascii(start, i)));
        }

        private static boolean isDigit(int c) {
            return c >= '0' && c <= '9';
        }

        /** Decodes the escape whose backslash is at {@code i} into {@link #chars}; returns the offset after it. */
        final int escape(int i) {
            int j = i + 1;
            if (j >= end) {
                throw fail(j, "expected an escape character after '\\', found end of input");
            }
            char decoded;
            switch (at(j)) {
                case '"' -> decoded = '"';
                case '\\' -> decoded = '\\';
                case '/' -> decoded = '/';
                case 'b' -> decoded = '\b';
                case 'f' -> decoded = '\f';
                case 'n' -> decoded = '\n';
                case 'r' -> decoded = '\r';
                case 't' -> decoded = '\t';
                case 'u' -> {
                    return unicodeEscape(i);
                }
                default -> throw fail(j, "expected one of \" \\ / b f n r t u after '\\' in a string, found "
                        + describe(j));
            }
            append(decoded);
            return j + 1;
        }

        private int unicodeEscape(int i) {
            char unit = (char) hex4(i + 2);
            if (Character.isHighSurrogate(unit)) {
                int k = i + 6;
                if (k + 1 < end && at(k) == '\\' && at(k + 1) == 'u') {
                    char low = (char) hex4(k + 2);
                    if (Character.isLowSurrogate(low)) {
                        append(unit);
                        append(low);
                        return k + 6;
                    }
                }
                throw fail(i, "unpaired surrogate escape \\u" + hex(unit, 4) + ": a high surrogate (\\uD800-\\uDBFF)"
                        + " must be followed directly by a low surrogate escape (\\uDC00-\\uDFFF)");
            }
            if (Character.isLowSurrogate(unit)) {
                throw fail(i, "unpaired surrogate escape \\u" + hex(unit, 4) + ": a low surrogate (\\uDC00-\\uDFFF)"
                        + " may only follow a high surrogate escape (\\uD800-\\uDBFF)");
            }
            append(unit);
            return i + 6;
        }

        private int hex4(int i) {
            int value = 0;
            for (int k = i; k < i + 4; k++) {
                int digit = k < end ? hexValue(at(k)) : -1;
                if (digit < 0) {
                    throw fail(k, "expected four hex digits after \\u, found " + describe(k));
                }
                value = value << 4 | digit;
            }
            return value;
        }

        private static int hexValue(int c) {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }

        final void append(char c) {
            if (length == chars.length) {
                chars = Arrays.copyOf(chars, Math.max(64, length * 2));
            }
            chars[length++] = c;
        }

        /** Makes room for {@code n} chars at the start of {@link #chars} and empties it. */
        final void reset(int n) {
            if (n > chars.length) {
                chars = new char[Math.max(n, chars.length * 2)];
            }
            length = 0;
        }

        final void checkStringLength(int quote, int stringLength) {
            if (stringLength > limits.maxStringLength()) {
                throw fail(quote, "string of " + stringLength + " characters is longer than the limit of "
                        + limits.maxStringLength() + "; raise JsonParser.Limits.maxStringLength to accept it");
            }
        }

        final JsonParseException unterminated(int quote) {
            return fail(end, "expected '\"' to close the string that starts at offset " + quote
                    + ", found end of input");
        }

        final JsonParseException controlCharacter(int i, int c) {
            return fail(i, "unescaped control character " + codePoint(c) + " in string; write it as an escape"
                    + " such as \\n or \\u" + hex(c, 4));
        }

        static JsonParseException fail(int offset, String reason) {
            return new JsonParseException(offset, reason);
        }

        static String describeAscii(int c) {
            if (c < 0x20) return "control character " + codePoint(c);
            if (c == 0x7F) return "character U+007F";
            return "'" + (char) c + "'";
        }

        /** A key as it appears in a message: a JSON string, cut short when long. */
        private static String quote(String key) {
            return JsonWriter.write(new JsonString(key.length() > 64 ? key.substring(0, 64) + "..." : key));
        }
    }

    /** Parses a {@code String}; offsets are char indexes. */
    private static final class CharCursor extends Cursor {
        private final String text;

        CharCursor(String text, Limits limits) {
            super(text.length(), limits);
            this.text = text;
        }

        @Override
        int at(int i) {
            return text.charAt(i);
        }

        @Override
        int skipWhitespace() {
            String s = text;
            int i = pos;
            int n = end;
            while (i < n) {
                char c = s.charAt(i);
                if (c > ' ' || (c != ' ' && c != '\n' && c != '\r' && c != '\t')) {
                    pos = i;
                    return c;
                }
                i++;
            }
            pos = i;
            return -1;
        }

        @Override
        String string() {
            String s = text;
            int quote = pos;
            int start = quote + 1;
            int n = end;
            for (int i = start; i < n; i++) {
                char c = s.charAt(i);
                if (c == '"') {
                    checkStringLength(quote, i - start);
                    pos = i + 1;
                    return s.substring(start, i);
                }
                if (c == '\\' || c < 0x20 || Character.isSurrogate(c)) {
                    return decode(quote, i);
                }
            }
            throw unterminated(quote);
        }

        /** The slow path: escapes, control characters and surrogates, from {@code i} on. */
        private String decode(int quote, int i) {
            String s = text;
            int start = quote + 1;
            reset(i - start + 16);
            s.getChars(start, i, chars, 0);
            length = i - start;
            while (true) {
                if (i >= end) {
                    throw unterminated(quote);
                }
                char c = s.charAt(i);
                if (c == '"') {
                    break;
                } else if (c == '\\') {
                    i = escape(i);
                } else if (c < 0x20) {
                    throw controlCharacter(i, c);
                } else if (!Character.isSurrogate(c)) {
                    append(c);
                    i++;
                } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(s.charAt(i + 1))) {
                    append(c);
                    append(s.charAt(i + 1));
                    i += 2;
                } else {
                    throw fail(i, "unpaired surrogate " + codePoint(c) + " in string; the text must be well-formed"
                            + " UTF-16 (write a lone surrogate as an escape only in a pair, as \\ud83d\\ude00)");
                }
            }
            checkStringLength(quote, length);
            pos = i + 1;
            return new String(chars, 0, length);
        }

        @Override
        String ascii(int from, int to) {
            return text.substring(from, to);
        }

        @Override
        String describe(int i) {
            if (i >= end) return "end of input";
            char c = text.charAt(i);
            if (c < 0x80) return describeAscii(c);
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                return "character " + codePoint(Character.toCodePoint(c, text.charAt(i + 1)));
            }
            return Character.isSurrogate(c) ? "unpaired surrogate " + codePoint(c) : "character " + codePoint(c);
        }

        @Override
        void rejectByteOrderMark() {
            if (end > 0 && text.charAt(0) == '\uFEFF') {
                throw fail(0, "a byte order mark (U+FEFF) is not allowed before JSON text; remove it before parsing");
            }
        }
    }

    /** Parses UTF-8 bytes in place, without first making a String; offsets are byte indexes. */
    private static final class ByteCursor extends Cursor {
        // Results of utf8(i) that are not code points.
        private static final int TRUNCATED = -1;
        private static final int OVERLONG = -2;
        private static final int SURROGATE = -3;
        private static final int TOO_LARGE = -4;
        private static final int CONTINUATION = -5;
        private static final int NEVER_VALID = -6;

        /** True for the bytes that stand for themselves in a string: printable ASCII but {@code "} and {@code \\}. */
        private static final boolean[] PLAIN = new boolean[256];

        /** What the letter after a backslash stands for, for all escapes but {@code \\u}; 0 for anything else. */
        private static final char[] SIMPLE_ESCAPE = new char[256];
        private static final byte[] NO_BYTES = {};
        /** Free room {@link #decode} wants before a block, so that each block makes progress. */
        private static final int MIN_ROOM = 16;
        /** Up to this many chars, a decode buffer grows to whatever the rest of the input could need at once. */
        private static final int JUMP_LENGTH = 16 * 1024;

        static {
            for (int c = 0x20; c < 0x80; c++) PLAIN[c] = c != '"' && c != '\\';
            SIMPLE_ESCAPE['"'] = '"';
            SIMPLE_ESCAPE['\\'] = '\\';
            SIMPLE_ESCAPE['/'] = '/';
            SIMPLE_ESCAPE['b'] = '\b';
            SIMPLE_ESCAPE['f'] = '\f';
            SIMPLE_ESCAPE['n'] = '\n';
            SIMPLE_ESCAPE['r'] = '\r';
            SIMPLE_ESCAPE['t'] = '\t';
        }

        private final byte[] bytes;
        /** {@link #decode}'s buffer while a string is Latin-1; reused by every string of a parse, made on need. */
        private byte[] latin1 = NO_BYTES;

        ByteCursor(byte[] bytes, Limits limits) {
            super(bytes.length, limits);
            this.bytes = bytes;
        }

        @Override
        int at(int i) {
            return bytes[i] & 0xFF;
        }

        @Override
        int skipWhitespace() {
            byte[] b = bytes;
            int i = pos;
            int n = end;
            while (i < n) {
                int c = b[i];
                if (c > ' ' || (c != ' ' && c != '\n' && c != '\r' && c != '\t')) {
                    pos = i;
                    return c & 0xFF;
                }
                i++;
            }
            pos = i;
            return -1;
        }

        @Override
        String string() {
            byte[] b = bytes;
            int quote = pos;
            int start = quote + 1;
            int n = end;
            int i = start;
            while (i < n && PLAIN[b[i] & 0xFF]) i++;
            if (i >= n) throw unterminated(quote);
            if (b[i] == '"') {
                checkStringLength(quote, i - start);
                pos = i + 1;
                return Decode.latin1(b, start, i - start);
            }
            return decode(quote, i);
        }

        /**
         * Keys repeat (every tool has "name", "description", "inputSchema", ...), within a document and from one
         * request to the next, so a short plain ASCII key is looked up by its bytes in {@link KeyNames#SHARED}: a hit
         * returns the same String, with no decoding or allocation and its hash code already computed for the
         * object's index.
         */
        @Override
        String key() {
            byte[] b = bytes;
            int quote = pos;
            int start = quote + 1;
            int n = end;
            int i = start;
            // Pack the bytes into words while checking them, as jackson-core reads names in quads: one pass.
            long w0 = 0;
            long w1 = 0;
            long w2 = 0;
            int c;
            int e = Math.min(n, start + 8);
            while (i < e && PLAIN[c = b[i] & 0xFF]) {
                w0 = w0 << 8 | c;
                i++;
            }
            if (i == start + 8) {
                e = Math.min(n, start + 16);
                while (i < e && PLAIN[c = b[i] & 0xFF]) {
                    w1 = w1 << 8 | c;
                    i++;
                }
                if (i == start + 16) {
                    e = Math.min(n, start + 24);
                    while (i < e && PLAIN[c = b[i] & 0xFF]) {
                        w2 = w2 << 8 | c;
                        i++;
                    }
                }
            }
            // Not a plain key of at most MAX_LENGTH bytes (a longer one has a plain byte where the quote would be)
            if (i >= n || b[i] != '"') return string();
            int length = i - start;
            if (length > limits.maxStringLength()) checkStringLength(quote, length);
            pos = i + 1;
            long hash = KeyNames.hash(w0, w1, w2);
            keyBit = 1L << (hash >>> 58);
            String key = KeyNames.SHARED.find(w0, w1, w2, hash);
            if (key == null) {
                key = Decode.latin1(b, start, length);
                KeyNames.SHARED.remember(w0, w1, w2, hash, key);
            }
            return key;
        }

        /**
         * A string with escapes, control characters or multi-byte UTF-8 from {@code i} on, decoded in one pass, as
         * jackson-core does: checking first and letting the JDK decode after (or copying escapes out first) read
         * every byte two or three times. Problems are met in input order, so the first one is the one reported, at
         * its exact offset.
         *
         * <p>Most such strings are Latin-1 (escaped JSON text, accented words), so decoding starts into a byte
         * buffer, which becomes the String by one copy; the first char above U+00FF moves the work to
         * {@link #decodeWide}, which goes on in chars.
         *
         * <p>No input byte makes more than one char (a 4-byte sequence makes 2, {@code \\u0041} makes 1), so the
         * buffers need a room check once per block of input, not per char: a block ends where the free room, less
         * one, runs out. The one spare is for the step that starts just before the block's end and writes two
         * chars (a surrogate pair from 4-byte UTF-8 or from two escapes).
         */
        private String decode(int quote, int i) {
            byte[] b = bytes;
            int start = quote + 1;
            int n = end;
            byte[] out = latin1;
            if (out.length < i - start + MIN_ROOM) out = latin1 = new byte[Math.max(i - start + MIN_ROOM, Math.max(64, 2 * out.length))];
            int o = i - start;
            System.arraycopy(b, start, out, 0, o); // the plain ASCII prefix string() read
            int limit = 0;
            while (true) {
                if (i >= limit) {
                    limit = Math.min(n, i + (out.length - o) - 1);
                    if (i >= limit) {
                        if (i >= n) throw unterminated(quote);
                        out = latin1 = Arrays.copyOf(out, grownLength(out.length, o + (n - i) + MIN_ROOM));
                        continue;
                    }
                }
                // The tight loop for the common case, plain ASCII: one byte, one char, and nothing else in it.
                // Escaped JSON text leaves it every few bytes, at a \", yet this shape beats one that undoes such
                // escapes inside the loop: bench/'s CALL_RESULT text (12 KB) in 11.9 instead of 13.8 us.
                int c = 0;
                boolean stopped = false;
                while (i < limit) {
                    c = b[i++] & 0xFF;
                    if (!PLAIN[c]) {
                        stopped = true;
                        break;
                    }
                    out[o++] = (byte) c;
                }
                if (!stopped) continue;
                int at = i - 1; // where the byte that stopped the loop is
                if (c == '"') {
                    if (o > limits.maxStringLength()) checkStringLength(quote, o);
                    pos = i;
                    return Decode.latin1(out, 0, o);
                } else if (c == '\\') {
                    char simple = i < n ? SIMPLE_ESCAPE[b[i] & 0xFF] : 0;
                    if (simple != 0) {
                        out[o++] = (byte) simple;
                        i++;
                    } else {
                        length = 0;
                        int next = escape(at); // \\u, or an error
                        if (length == 2 || chars[0] > 0xFF) return decodeWide(quote, at, o);
                        out[o++] = (byte) chars[0];
                        i = next;
                    }
                } else if (c < 0x80) {
                    throw controlCharacter(at, c);
                } else {
                    int cp = utf8(at);
                    if (cp < 0) throw invalidUtf8(at, cp);
                    if (cp > 0xFF) return decodeWide(quote, at, o);
                    out[o++] = (byte) cp;
                    i++;
                }
            }
        }

        /** Goes on with {@link #decode} in chars from {@code i}, where it met a char above U+00FF. */
        private String decodeWide(int quote, int i, int decoded) {
            byte[] b = bytes;
            int n = end;
            char[] out = chars;
            if (out.length < decoded + MIN_ROOM) {
                out = chars = new char[Math.max(decoded + MIN_ROOM, grownLength(out.length, decoded + MIN_ROOM))];
            }
            byte[] prefix = latin1;
            for (int k = 0; k < decoded; k++) out[k] = (char) (prefix[k] & 0xFF);
            int o = decoded;
            while (true) {
                int limit = Math.min(n, i + (out.length - o) - 1);
                int c = 0;
                // Not decode's loop, which measured slower here: bench/'s RESOURCE_READ (100 KB of Markdown with
                // accented letters, symbols and newlines) parsed at 0.82x with it. Why is not known; measured, kept.
                while (true) {
                    while (i < limit) {
                        c = b[i] & 0xFF;
                        if (!PLAIN[c]) break;
                        out[o++] = (char) c;
                        i++;
                    }
                    if (c != '\\' || i + 1 >= limit) break;
                    char simple = SIMPLE_ESCAPE[b[i + 1] & 0xFF];
                    if (simple == 0) break;
                    out[o++] = simple;
                    i += 2;
                }
                if (i >= limit) {
                    if (i >= n) throw unterminated(quote);
                    out = chars = Arrays.copyOf(out, grownLength(out.length, o + (n - i) + MIN_ROOM));
                } else if (c == '"') {
                    if (o > limits.maxStringLength()) checkStringLength(quote, o);
                    pos = i + 1;
                    return new String(out, 0, o);
                } else if (c == '\\') {
                    char simple = i + 1 < n ? SIMPLE_ESCAPE[b[i + 1] & 0xFF] : 0;
                    if (simple != 0) {
                        out[o++] = simple;
                        i += 2;
                    } else {
                        length = o;
                        i = escape(i); // \\u, or an error; appends within the room this block has
                        o = length;
                    }
                } else if (c < 0x80) {
                    throw controlCharacter(i, c);
                } else {
                    int cp = utf8(i);
                    if (cp < 0) throw invalidUtf8(i, cp);
                    if (cp < 0x10000) {
                        out[o++] = (char) cp;
                        i += cp < 0x800 ? 2 : 3;
                    } else {
                        out[o++] = Character.highSurrogate(cp);
                        out[o++] = Character.lowSurrogate(cp);
                        i += 4;
                    }
                }
            }
        }

        /**
         * Decodes the multi-byte sequence that starts at {@code i}: its code point, or a negative code saying what
         * is wrong. Accepts exactly the well-formed sequences of RFC 3629 (Unicode table 3-7).
         */
        private int utf8(int i) {
            byte[] b = bytes;
            int b0 = b[i] & 0xFF;
            if (b0 < 0xC0) return CONTINUATION;
            if (b0 < 0xC2) return OVERLONG;
            if (b0 >= 0xF5) return b0 >= 0xF8 ? NEVER_VALID : TOO_LARGE;
            int b1 = i + 1 < end ? b[i + 1] & 0xFF : -1;
            if ((b1 & 0xC0) != 0x80) return TRUNCATED;
            if (b0 < 0xE0) {
                return (b0 & 0x1F) << 6 | (b1 & 0x3F);
            }
            if (b0 == 0xE0 && b1 < 0xA0 || b0 == 0xF0 && b1 < 0x90) return OVERLONG;
            if (b0 == 0xED && b1 > 0x9F) return SURROGATE;
            if (b0 == 0xF4 && b1 > 0x8F) return TOO_LARGE;
            int b2 = i + 2 < end ? b[i + 2] & 0xFF : -1;
            if ((b2 & 0xC0) != 0x80) return TRUNCATED;
            if (b0 < 0xF0) {
                return (b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F);
            }
            int b3 = i + 3 < end ? b[i + 3] & 0xFF : -1;
            if ((b3 & 0xC0) != 0x80) return TRUNCATED;
            return (b0 & 0x07) << 18 | (b1 & 0x3F) << 12 | (b2 & 0x3F) << 6 | (b3 & 0x3F);
        }

        /**
         * The next size of a full decode buffer. The rest of the input bounds what the string can still need, so a
         * buffer jumps straight there when that is modest and otherwise grows eightfold (capped by it): a 100 KB
         * string costs a few copies, not the seventeen of doubling from 64.
         */
        static int grownLength(int length, int bound) {
            if (bound <= JUMP_LENGTH) return Math.max(bound, 2 * length);
            return (int) Math.max(2L * length, Math.min(bound, 8L * length));
        }

        /** Out of line, as every message is: string building in the decode loop slows its compiled code. */
        private JsonParseException invalidUtf8(int i, int code) {
            return fail(i, "invalid UTF-8: " + utf8Problem(i, code));
        }

        private String utf8Problem(int i, int code) {
            String lead = "byte 0x" + hex(bytes[i] & 0xFF, 2);
            return switch (code) {
                case CONTINUATION -> "continuation " + lead + " without a lead byte before it";
                case OVERLONG -> "overlong encoding starting with " + lead;
                case SURROGATE -> "encoded surrogate starting with " + lead + " (U+D800-U+DFFF are not characters)";
                case TOO_LARGE -> "sequence starting with " + lead + " encodes a code point above U+10FFFF";
                case NEVER_VALID -> lead + " never occurs in UTF-8";
                default -> "incomplete multi-byte sequence starting with " + lead;
            };
        }

        @Override
        String ascii(int from, int to) {
            return Decode.latin1(bytes, from, to - from);
        }

        @Override
        String describe(int i) {
            if (i >= end) return "end of input";
            int c = bytes[i] & 0xFF;
            if (c < 0x80) return describeAscii(c);
            int cp = utf8(i);
            return cp >= 0 ? "character " + codePoint(cp) : "invalid UTF-8 (" + utf8Problem(i, cp) + ")";
        }

        @Override
        void rejectByteOrderMark() {
            if (end >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
                throw fail(0, "a UTF-8 byte order mark (EF BB BF) is not allowed before JSON text;"
                        + " send the JSON without it");
            }
        }
    }

    static String codePoint(int cp) {
        return "U+" + hex(cp, 4);
    }

    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

    /** Upper-case hex with at least {@code digits} digits; no String.format, which is slow and heavy in TeaVM. */
    static String hex(int value, int digits) {
        char[] out = new char[8];
        int k = out.length;
        do {
            out[--k] = HEX_DIGITS[value & 0xF];
            value >>>= 4;
        } while (value != 0 || out.length - k < digits);
        return new String(out, k, out.length - k);
    }
}
