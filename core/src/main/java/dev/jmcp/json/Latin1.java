package dev.jmcp.json;

import java.nio.charset.StandardCharsets;

/**
 * Strings made from bytes that are each one char (ASCII, or Latin-1 after decoding), the parser's most common result.
 * On the JVM the ISO-8859-1 constructor is the fastest way: one copy into a compact String. The Workers build
 * replaces this class (see workers/README.md, "What TeaVM compiles differently"): TeaVM's constructor runs its
 * generic charset machinery, buffers and decoder objects, for every string.
 */
final class Latin1 {
    private Latin1() {
    }

    /** The string of {@code length} bytes from {@code from}, each byte one char (U+0000 to U+00FF). */
    static String string(byte[] bytes, int from, int length) {
        return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }
}
