package dev.jmcp.json;

import java.nio.charset.StandardCharsets;

/**
 * Strings decoded from UTF-8 that this package wrote ({@link Utf8Output}, a {@link JsonObject.Prewritten}'s bytes), so
 * always valid. As {@link Latin1}, the Workers build replaces this class with a plain loop, to keep TeaVM's generic
 * charset machinery off its cold starts (see workers/README.md, "What TeaVM compiles differently").
 */
final class Utf8 {
    private Utf8() {
    }

    /** The string that the {@code length} bytes from {@code from} encode; they must be valid UTF-8. */
    static String string(byte[] utf8, int from, int length) {
        return new String(utf8, from, length, StandardCharsets.UTF_8);
    }
}
