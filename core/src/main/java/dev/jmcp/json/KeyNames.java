package dev.jmcp.json;

/**
 * Object keys by their bytes, so a key the parser has met before, in this parse or an earlier one, costs no decoding
 * and no allocation, as jackson-core's name canonicalizer does. Only plain ASCII keys of up to {@link #MAX_LENGTH}
 * bytes are held: such a key packs into three longs (big-endian, zero-filled), which are both its identity and its
 * hash input, so a lookup is a few multiplies and three long compares, whatever the key's length. The packing is
 * unambiguous because a plain key byte is never zero.
 *
 * <p>{@link #SHARED} serves every parse on every thread without a lock: each slot holds one immutable {@link Entry},
 * and a new key replaces whatever shared its slot. A reader sees either an older entry or a newer one, each complete,
 * because an entry's fields are final (JLS 17.5); two parses writing one slot at once lose nothing but a cache entry.
 * MCP's and JSON-RPC's own keys are put in first and never replaced, so a stream of other keys cannot push them out.
 * The table has a fixed number of slots, so what it holds is bounded whatever the input.
 */
final class KeyNames {
    /** The longest key held: three longs of bytes. */
    static final int MAX_LENGTH = 24;
    /** Slots of {@link #SHARED}, a power of two: the well-known names and hundreds more, about 100 KB when full. */
    private static final int SLOTS = 1024;
    /** 64 - log2(SLOTS). */
    private static final int SHIFT = 64 - Integer.numberOfTrailingZeros(SLOTS);

    /** The table every parse uses: MCP's and JSON-RPC's member names, then whatever other keys parses meet. */
    static final KeyNames SHARED = wellKnown();

    /** One held key: its packed bytes and its String. */
    private record Entry(long w0, long w1, long w2, String name, boolean wellKnown) {
    }

    private final Entry[] slots = new Entry[SLOTS];

    private KeyNames() {
    }

    /**
     * Bytes {@code from} to {@code to} (at most eight) of the key at {@code b[start]}, big-endian; 0 when the key is
     * shorter than {@code from}. A key packs into {@code word(0, 8)}, {@code word(8, 16)} and {@code word(16, 24)}.
     */
    static long word(byte[] b, int start, int length, int from, int to) {
        long v = 0;
        for (int k = start + from, e = start + Math.min(length, to); k < e; k++) v = v << 8 | b[k];
        return v;
    }

    static long hash(long w0, long w1, long w2) {
        long h = w0 * 0x9E3779B97F4A7C15L + w1;
        h = h * 0xC2B2AE3D27D4EB4FL + w2;
        return h ^ h >>> 29;
    }

    /** The slot of a key with this hash: its top bits. */
    private static int slot(long hash) {
        return (int) (hash >>> SHIFT);
    }

    /** The held name for the packed key, or null. */
    String find(long w0, long w1, long w2, long hash) {
        Entry entry = slots[slot(hash)];
        return entry != null && entry.w0 == w0 && entry.w1 == w1 && entry.w2 == w2 ? entry.name : null;
    }

    /** Holds {@code name} for the packed key, replacing whatever shared its slot unless that is a well-known name. */
    void remember(long w0, long w1, long w2, long hash, String name) {
        int slot = slot(hash);
        Entry old = slots[slot];
        if (old == null || !old.wellKnown) slots[slot] = new Entry(w0, w1, w2, name, false);
    }

    /** Holds {@code name} for good unless its slot is taken; for the well-known names, where the first one wins. */
    private void add(String name) {
        if (name.length() > MAX_LENGTH) throw new IllegalArgumentException("too long for the table: " + name);
        // the names are ASCII; a char loop, not getBytes(ISO_8859_1), keeps TeaVM's charset encoder off a cold start
        byte[] b = new byte[name.length()];
        for (int i = 0; i < b.length; i++) b[i] = (byte) name.charAt(i);
        long w0 = word(b, 0, b.length, 0, 8);
        long w1 = word(b, 0, b.length, 8, 16);
        long w2 = word(b, 0, b.length, 16, 24);
        int slot = slot(hash(w0, w1, w2));
        if (slots[slot] == null) slots[slot] = new Entry(w0, w1, w2, name, true);
    }

    private static KeyNames wellKnown() {
        var table = new KeyNames();
        for (String name : new String[]{
                // JSON-RPC
                "jsonrpc", "id", "method", "params", "result", "error", "code", "message", "data",
                // MCP messages
                "_meta", "progressToken", "progress", "total", "cursor", "nextCursor", "protocolVersion",
                "capabilities", "clientInfo", "serverInfo", "instructions", "version", "title", "name",
                "arguments", "content", "structuredContent", "isError", "type", "text", "mimeType", "uri",
                "resource", "resources", "resourceTemplates", "uriTemplate", "contents", "blob", "tools", "prompts",
                "description", "inputSchema", "outputSchema", "annotations", "readOnlyHint", "destructiveHint",
                "idempotentHint", "openWorldHint", "audience", "priority", "lastModified", "role", "messages",
                "level", "logger", "reason", "requestId", "listChanged", "subscribe", "roots", "sampling",
                "elicitation", "logging", "completions", "experimental", "size", "icons", "src", "sizes",
                // JSON Schema
                "properties", "required", "items", "enum", "default", "minimum", "maximum", "minLength",
                "maxLength", "pattern", "format", "additionalProperties", "$schema", "oneOf", "anyOf", "allOf",
                "const", "minItems", "maxItems", "examples",
        }) {
            table.add(name);
        }
        return table;
    }
}
