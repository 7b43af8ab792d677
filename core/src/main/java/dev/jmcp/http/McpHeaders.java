package dev.jmcp.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The MCP 2026-07-28 request headers, readable without parsing the body: {@code Mcp-Method} and {@code Mcp-Name}
 * let a gateway route, cache and rate-limit on headers alone. Values may use the Base64 sentinel
 * {@code =?base64?<value>?=} for text that is not plain ASCII; {@link #decode} undoes it.
 */
public final class McpHeaders {
    public static final String PROTOCOL_VERSION = "MCP-Protocol-Version";
    public static final String METHOD = "Mcp-Method";
    public static final String NAME = "Mcp-Name";
    public static final String PARAM_PREFIX = "Mcp-Param-";

    private McpHeaders() {
    }

    /** The request's MCP method from its headers, or null. */
    public static String method(Headers headers) {
        return decode(headers.get(METHOD));
    }

    /** The tool, prompt or resource the request names, from its headers, or null. */
    public static String name(Headers headers) {
        return decode(headers.get(NAME));
    }

    /**
     * A header value with surrounding white space removed and a Base64 sentinel decoded; null stays null. A
     * sentinel must hold padded standard Base64 of UTF-8 text, else an {@link IllegalArgumentException} says so
     * (the JDK decoder alone would accept missing padding).
     */
    public static String decode(String value) {
        if (value == null) return null;
        String v = value.trim();
        if (!(v.startsWith("=?base64?") && v.endsWith("?=") && v.length() >= 11)) return v;
        String encoded = v.substring(9, v.length() - 2);
        if (encoded.length() % 4 != 0 || !isBase64(encoded)) {
            throw new IllegalArgumentException("header value " + v + " is not padded standard Base64");
        }
        byte[] bytes = Base64.getDecoder().decode(encoded);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)) { // lossy: not valid UTF-8
            throw new IllegalArgumentException("header value " + v + " is not Base64 of UTF-8 text");
        }
        return text;
    }

    /** Encodes a value for a header: as is when it is printable ASCII without edge spaces, else as a Base64 sentinel. */
    public static String encode(String value) {
        boolean plain = !value.isEmpty() && value.charAt(0) != ' ' && value.charAt(value.length() - 1) != ' '
                && !value.startsWith("=?");
        for (int i = 0; plain && i < value.length(); i++) {
            char c = value.charAt(i);
            plain = c >= 0x20 && c < 0x7f;
        }
        return plain ? value : "=?base64?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    /** Letters, digits, '+' and '/', then at most two '=' (what the regex {@code [A-Za-z0-9+/]*={0,2}} says, without regex). */
    private static boolean isBase64(String s) {
        int end = s.length();
        while (end > 0 && s.length() - end < 2 && s.charAt(end - 1) == '=') end--;
        return dev.jmcp.internal.Ascii.word(s.substring(0, end), 0, Integer.MAX_VALUE, "+/");
    }
}
