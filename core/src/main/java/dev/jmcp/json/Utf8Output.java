package dev.jmcp.json;

import java.util.Arrays;

/**
 * The byte sink of {@link JsonWriter}: JSON tokens encoded straight to UTF-8 into a chain of chunks.
 *
 * <p>Why chunks: a growing single array copies everything written so far each time it doubles, which for a 100 KB
 * body allocated and copied about twice the body again. Here a full chunk is kept and the next one is bigger (up to
 * {@link #MAX_CHUNK}), so nothing is copied until {@link #toByteArray} makes the one exact-size result. Output that
 * fits the first chunk (most JSON-RPC messages) costs one chunk and one copy.
 *
 * <p>Why a char block: {@link String#getChars} copies a block of the string into {@link #block} with an intrinsic,
 * and the loop over a {@code char[]} with a 128-entry escape table keeps the common case (printable ASCII) to one
 * load, one table check and one store per char. A block is only as long as the chunk surely holds, six bytes (a
 * {@code \}{@code u00XX} escape) per char, so no char needs a room check (with one per special char, writing
 * {@code bench/}'s 100 KB RESOURCE_READ ran at 0.70-0.90x jackson-core's speed; without, 1.00-1.07x).
 */
final class Utf8Output {
    private static final int FIRST_CHUNK = 256;
    private static final int MAX_CHUNK = 256 * 1024;
    private static final int BLOCK = 1024;
    private static final int SHORT = 24;
    /** The longest a char becomes: six bytes for a \\u escape. */
    private static final int MAX_BYTES_PER_CHAR = 6;
    private static final long MAX_LENGTH = Integer.MAX_VALUE - 16;
    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

    /**
     * For each ASCII char, 0 when it is written as it is, otherwise the letter after the backslash of its escape
     * ({@code 'u'} for the {@code \}{@code u00XX} form).
     */
    private static final byte[] ESCAPE = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) ESCAPE[c] = 'u';
        ESCAPE['"'] = '"';
        ESCAPE['\\'] = '\\';
        ESCAPE['\b'] = 'b';
        ESCAPE['\f'] = 'f';
        ESCAPE['\n'] = 'n';
        ESCAPE['\r'] = 'r';
        ESCAPE['\t'] = 't';
    }

    /** The chunk being written; {@link #count} bytes of it are used. */
    private byte[] buf = new byte[FIRST_CHUNK];
    private int count;
    /** Earlier chunks, full up to {@link #used}; null until the first one fills. */
    private byte[][] chunks;
    private int[] used;
    private int chunkCount;
    /** Bytes in the earlier chunks. */
    private long done;
    private char[] block;
    /** See {@link #knownText}. */
    private JsonObject.Prewritten known;

    /** Makes room for {@code n} more bytes in {@link #buf}, moving on to a new chunk when the current one is short. */
    private void ensure(int n) {
        if (buf.length - count >= n) return;
        if (count > 0) {
            if (chunks == null) {
                chunks = new byte[4][];
                used = new int[4];
            } else if (chunkCount == chunks.length) {
                chunks = Arrays.copyOf(chunks, chunkCount * 2);
                used = Arrays.copyOf(used, chunkCount * 2);
            }
            chunks[chunkCount] = buf;
            used[chunkCount++] = count;
            done += count;
            if (done > MAX_LENGTH) {
                throw new IllegalStateException("JSON output of more than " + done + " bytes does not fit in a byte array");
            }
        }
        buf = new byte[Math.max(n, Math.min(MAX_CHUNK, buf.length * 2))];
        count = 0;
    }

    long length() {
        return done + count;
    }

    byte[] toByteArray() {
        if (chunkCount == 0) return Arrays.copyOf(buf, count);
        long total = length();
        if (total > MAX_LENGTH) {
            throw new IllegalStateException("JSON output of " + total + " bytes does not fit in a byte array");
        }
        byte[] out = new byte[(int) total];
        int p = 0;
        for (int i = 0; i < chunkCount; i++) {
            System.arraycopy(chunks[i], 0, out, p, used[i]);
            p += used[i];
        }
        System.arraycopy(buf, 0, out, p, count);
        return out;
    }

    /** The output decoded as a String; it is valid UTF-8 by construction. */
    String toUtf8String() {
        if (chunkCount == 0) return Decode.utf8(buf, 0, count);
        byte[] all = toByteArray();
        return Decode.utf8(all, 0, all.length);
    }

    void punct(char c) {
        if (count == buf.length) ensure(1);
        buf[count++] = (byte) c;
    }

    /** JSON text in UTF-8 as a JSON string; see {@link #knownText}. */
    private void escapedJsonText(byte[] text) {
        int n = text.length;
        ensure(2 * Math.min(n, BLOCK) + 2);
        byte[] b = buf;
        int p = count;
        b[p++] = '"';
        for (int from = 0; from < n; from += BLOCK) {
            int end = Math.min(n, from + BLOCK);
            if (b.length - p < 2 * (end - from) + 1) {
                count = p;
                ensure(2 * (end - from) + 1);
                b = buf;
                p = count;
            }
            for (int i = from; i < end; i++) {
                byte c = text[i];
                // without a branch: quotes come too irregularly in JSON text to predict
                int quoted = c == '"' | c == '\\' ? 1 : 0;
                b[p] = '\\';
                b[p + quoted] = c;
                p += 1 + quoted;
            }
        }
        b[p++] = '"';
        count = p;
    }

    /** Bytes that are already JSON text in UTF-8. */
    void raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, count, bytes.length);
        count += bytes.length;
    }

    /** Text known to be ASCII: literals and number text. */
    void ascii(String text) {
        int n = text.length();
        ensure(n);
        byte[] b = buf;
        int p = count;
        for (int i = 0; i < n; i++) {
            b[p++] = (byte) text.charAt(i);
        }
        count = p;
    }

    /**
     * unscaled x 10^-scale (scale above 0, unscaled not Long.MIN_VALUE) in plain notation, as
     * {@link JsonNumber#text()} writes it: "2.05", "-0.0050".
     */
    void decimal(long unscaled, int scale) {
        ensure(scale + 23); // sign, "0.", zeros, 19 digits, point
        byte[] b = buf;
        int p = count;
        long value = unscaled;
        if (value < 0) {
            b[p++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) digits++;
        if (digits <= scale) {
            b[p++] = '0';
            b[p++] = '.';
            for (int i = digits; i < scale; i++) b[p++] = '0';
        }
        int end = p + digits + (digits > scale ? 1 : 0);
        for (int i = 0, q = end; i < digits; i++) {
            if (i == scale) b[--q] = '.';
            b[--q] = (byte) ('0' + value % 10);
            value /= 10;
        }
        count = end;
    }

    void number(long value) {
        if (value == Long.MIN_VALUE) {
            ascii("-9223372036854775808");
            return;
        }
        ensure(20);
        byte[] b = buf;
        int p = count;
        if (value < 0) {
            b[p++] = '-';
            value = -value;
        }
        if (value < 10) {
            b[p++] = (byte) ('0' + value);
            count = p;
            return;
        }
        int digits = 2;
        for (long rest = value / 100; rest != 0; rest /= 10) {
            digits++;
        }
        p += digits;
        count = p;
        do {
            b[--p] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
    }

    /**
     * Makes {@link #string} write {@code prewritten}'s text, when it meets that very String, from the UTF-8 bytes
     * it was decoded from. Those bytes are JSON text written by JsonWriter: no control chars, valid UTF-8, so as a
     * JSON string they need only a backslash before each quote and backslash, the same bytes the char path gives.
     */
    void knownText(JsonObject.Prewritten prewritten) {
        known = prewritten;
    }

    /** A JSON string: quotes, escapes and UTF-8. */
    void string(String value) {
        int n = value.length();
        if (n <= SHORT && shortAscii(value, n)) return;
        JsonObject.Prewritten prewritten = known;
        if (prewritten != null && prewritten.textIfMade() == value) {
            escapedJsonText(prewritten.utf8);
            return;
        }
        char[] cs = block;
        if (cs == null || cs.length < n && cs.length < BLOCK) {
            cs = block = new char[Math.min(BLOCK, Math.max(n, 64))];
        }
        ensure(2);
        byte[] b = buf;
        int p = count;
        b[p++] = '"';
        int from = 0;
        while (from < n) {
            int len = Math.min(n - from, cs.length);
            // Room for the longest form of every char of the block (and the closing quote), so that the loop below
            // checks none: a block is cut to what surely fits the chunk, and a full chunk makes way for the next,
            // which grows as usual.
            int fits = (b.length - p - 1) / MAX_BYTES_PER_CHAR;
            if (fits == 0) {
                count = p;
                ensure(MAX_BYTES_PER_CHAR + 1);
                b = buf;
                p = count;
                fits = (b.length - p - 1) / MAX_BYTES_PER_CHAR;
            }
            len = Math.min(len, fits);
            value.getChars(from, from + len, cs, 0);
            int extra = 0; // 1 when a surrogate pair ends in the next block
            int k = 0;
            while (k < len) {
                char c = cs[k];
                if (c < 0x80 && ESCAPE[c] == 0) {
                    b[p++] = (byte) c;
                    k++;
                    continue;
                }
                if (c < 0x80) {
                    p = escape(c, ESCAPE[c], b, p);
                    k++;
                } else if (c < 0x800) {
                    b[p++] = (byte) (0xC0 | c >> 6);
                    b[p++] = (byte) (0x80 | c & 0x3F);
                    k++;
                } else if (!Character.isSurrogate(c)) {
                    b[p++] = (byte) (0xE0 | c >> 12);
                    b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                    b[p++] = (byte) (0x80 | c & 0x3F);
                    k++;
                } else {
                    int at = from + k + 1;
                    char low = at >= n ? 0 : k + 1 < len ? cs[k + 1] : value.charAt(at);
                    if (Character.isHighSurrogate(c) && Character.isLowSurrogate(low)) {
                        int cp = Character.toCodePoint(c, low);
                        b[p++] = (byte) (0xF0 | cp >> 18);
                        b[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                        b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                        b[p++] = (byte) (0x80 | cp & 0x3F);
                        if (k + 1 < len) {
                            k += 2;
                        } else {
                            k++;
                            extra = 1;
                        }
                    } else {
                        p = escape(c, (byte) 'u', b, p);
                        k++;
                    }
                }
            }
            from += len + extra;
        }
        b[p++] = '"';
        count = p;
    }

    /**
     * Keys and short values, most of them plain ASCII, cost less with charAt than with a block copy. Writes the
     * string and returns true when it has nothing to escape or encode; otherwise writes nothing.
     */
    private boolean shortAscii(String value, int n) {
        ensure(n + 2);
        byte[] b = buf;
        int p = count;
        b[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80 || ESCAPE[c] != 0) return false;
            b[p++] = (byte) c;
        }
        b[p++] = '"';
        count = p;
        return true;
    }

    /** Writes the escape of {@code c} at {@code p}; {@code kind} is its {@link #ESCAPE} letter. */
    private static int escape(char c, byte kind, byte[] b, int p) {
        b[p++] = '\\';
        b[p++] = kind;
        if (kind == 'u') {
            b[p++] = HEX[c >> 12];
            b[p++] = HEX[c >> 8 & 0xF];
            b[p++] = HEX[c >> 4 & 0xF];
            b[p++] = HEX[c & 0xF];
        }
        return p;
    }
}
