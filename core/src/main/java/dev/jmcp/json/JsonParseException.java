package dev.jmcp.json;

/**
 * A JSON text was not accepted by {@link JsonParser}. The message names the offset, what the grammar expected there
 * and what it found, for example {@code JSON parse error at offset 17: expected ',' or '}' after object member,
 * found 'x'}.
 *
 * <p>The offset counts {@code char}s when the input was a {@code String} and bytes when it was a {@code byte[]}.
 * The JSON-RPC layer maps this exception to error -32700 (Parse error).
 */
public final class JsonParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int offset;

    JsonParseException(int offset, String reason) {
        super("JSON parse error at offset " + offset + ": " + reason);
        this.offset = offset;
    }

    /** Where the problem is: a char index for {@code String} input, a byte index for {@code byte[]} input. */
    public int offset() {
        return offset;
    }
}
