package dev.jmcp.workers.substitutes;

/**
 * What TeaVM compiles in place of core's {@code dev.jmcp.json.Latin1} ({@link TeaVmSubstitutions}): the same strings,
 * made by one loop over the bytes. TeaVM's {@code new String(bytes, ISO_8859_1)} wraps the bytes in a ByteBuffer,
 * makes a CharsetDecoder and a CharBuffer and decodes through them, for every string the parser returns; on a cold
 * start that machinery is about 7 KB of wasm for V8 to compile before the first answer.
 */
final class Latin1 {
    private Latin1() {
    }

    static String string(byte[] bytes, int from, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) chars[i] = (char) (bytes[from + i] & 0xFF);
        return new String(chars);
    }
}
