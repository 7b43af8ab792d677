package dev.jmcp.workers.substitutes;

/**
 * What TeaVM compiles in place of core's {@code dev.jmcp.json.Decode} ({@link TeaVmSubstitutions}): the same strings,
 * each made by one loop into a char[]. TeaVM's {@code new String(bytes, charset)} wraps the bytes in a ByteBuffer and
 * decodes through a CharsetDecoder and a CharBuffer, for every string the parser returns, every {@code Json.write} and
 * every event-stream frame; on a cold start that machinery is about 7 KB of wasm for V8 to compile.
 */
final class Decode {
    private Decode() {
    }

    static String latin1(byte[] bytes, int from, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) chars[i] = (char) (bytes[from + i] & 0xFF);
        return new String(chars);
    }

    /**
     * Core only decodes UTF-8 it wrote itself, so the input is valid and this does not check it; on valid input it
     * gives exactly what the JVM's decoder gives.
     */
    static String utf8(byte[] bytes, int from, int length) {
        char[] chars = new char[length]; // never more chars than bytes: a 4-byte sequence makes 2
        int n = 0;
        int i = from;
        int end = from + length;
        while (i < end) {
            int b = bytes[i++];
            if (b >= 0) {
                chars[n++] = (char) b;
            } else if (b < (byte) 0xE0) {
                chars[n++] = (char) ((b & 0x1F) << 6 | bytes[i++] & 0x3F);
            } else if (b < (byte) 0xF0) {
                chars[n++] = (char) ((b & 0x0F) << 12 | (bytes[i++] & 0x3F) << 6 | bytes[i++] & 0x3F);
            } else {
                int cp = (b & 0x07) << 18 | (bytes[i++] & 0x3F) << 12 | (bytes[i++] & 0x3F) << 6 | bytes[i++] & 0x3F;
                chars[n++] = Character.highSurrogate(cp);
                chars[n++] = Character.lowSurrogate(cp);
            }
        }
        return new String(chars, 0, n);
    }
}
