package dev.jmcp.workers.substitutes;

/**
 * What TeaVM compiles in place of core's {@code dev.jmcp.json.Utf8} ({@link TeaVmSubstitutions}): the same strings,
 * decoded by one loop. Core only decodes UTF-8 it wrote itself, so the input is valid and the loop does not check it
 * (on valid input it gives exactly what the JVM's UTF-8 decoder gives). TeaVM's {@code new String(bytes, UTF_8)}
 * decodes through a ByteBuffer, a CharsetDecoder and a CharBuffer; a tool result whose structured content is also
 * sent as text, and every event-stream frame, go through it.
 */
final class Utf8 {
    private Utf8() {
    }

    static String string(byte[] utf8, int from, int length) {
        char[] chars = new char[length]; // never more chars than bytes: a 4-byte sequence makes 2
        int n = 0;
        int i = from;
        int end = from + length;
        while (i < end) {
            int b = utf8[i++];
            if (b >= 0) {
                chars[n++] = (char) b;
            } else if (b < (byte) 0xE0) {
                chars[n++] = (char) ((b & 0x1F) << 6 | utf8[i++] & 0x3F);
            } else if (b < (byte) 0xF0) {
                chars[n++] = (char) ((b & 0x0F) << 12 | (utf8[i++] & 0x3F) << 6 | utf8[i++] & 0x3F);
            } else {
                int cp = (b & 0x07) << 18 | (utf8[i++] & 0x3F) << 12 | (utf8[i++] & 0x3F) << 6 | utf8[i++] & 0x3F;
                chars[n++] = Character.highSurrogate(cp);
                chars[n++] = Character.lowSurrogate(cp);
            }
        }
        return new String(chars, 0, n);
    }
}
