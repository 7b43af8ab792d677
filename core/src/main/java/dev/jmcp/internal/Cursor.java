package dev.jmcp.internal;

import dev.jmcp.McpException;

/** Opaque pagination cursors. They encode an offset; clients must not read them, and a bad one is -32602. */
final class Cursor {
    private static final String PREFIX = "jmcp1.";

    private Cursor() {
    }

    static String encode(int offset) {
        return PREFIX + Integer.toString(offset, 36);
    }

    static int decode(String cursor, int size) {
        if (cursor.startsWith(PREFIX) && cursor.length() <= PREFIX.length() + 7) {
            try {
                int offset = Integer.parseInt(cursor.substring(PREFIX.length()), 36);
                if (offset >= 0 && offset <= size) return offset;
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw McpException.invalidParams("Invalid cursor \"" + (cursor.length() > 40 ? cursor.substring(0, 40) + "..." : cursor)
                + "\": pass back a nextCursor from an earlier page of the same list");
    }
}
