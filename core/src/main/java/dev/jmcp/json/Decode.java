package dev.jmcp.json;

import java.nio.charset.StandardCharsets;

/**
 * Strings from bytes, the two ways core needs them: the parser's strings of one byte per char, and the UTF-8 this
 * package wrote itself ({@link Utf8Output}, a {@link JsonObject.Prewritten}'s bytes). On the JVM the JDK's constructors
 * are the fastest way (one copy into a compact String). The Workers build replaces this class with plain loops (see
 * workers/README.md, "What TeaVM compiles differently"): TeaVM's constructors run its generic charset machinery,
 * buffers and decoder objects, for every string, and V8 compiles all of it on a cold start's first request.
 */
final class Decode {
    private Decode() {
    }

    /** The string of {@code length} bytes from {@code from}, each byte one char (U+0000 to U+00FF). */
    static String latin1(byte[] bytes, int from, int length) {
        return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }

    /** The string that the {@code length} bytes from {@code from} encode; they must be valid UTF-8. */
    static String utf8(byte[] bytes, int from, int length) {
        return new String(bytes, from, length, StandardCharsets.UTF_8);
    }
}
