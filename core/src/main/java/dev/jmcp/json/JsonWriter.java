package dev.jmcp.json;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes compact JSON: no whitespace, members in insertion order, numbers as {@link JsonNumber#text()}.
 *
 * <pre>{@code
 * String text = JsonWriter.write(Json.object("id", 1, "ok", true));    // {"id":1,"ok":true}
 * byte[] body = JsonWriter.writeUtf8(reply);                          // straight to UTF-8, no String in between
 * }</pre>
 *
 * <p>Strings are escaped as RFC 8259 requires and no more: {@code "} and {@code \} always, control characters as
 * {@code \b \f \n \r \t} or {@code \}{@code u00XX}; {@code /} and all other characters are written as they are. A
 * Java string may hold an unpaired surrogate, which has no UTF-8 form; it is written as a {@code \}{@code uXXXX}
 * escape, so the output is always valid UTF-8. (Our strict {@link JsonParser} refuses such an escape when it reads
 * it back: it stands for no character.)
 *
 * <p>The writer is iterative, so a deeply nested value built in code cannot overflow the stack.
 */
public final class JsonWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonWriter() {
    }

    public static String write(Json value) {
        StringBuilder out = new StringBuilder(64);
        write(value, out);
        return out.toString();
    }

    /** Appends the JSON text of {@code value} to {@code out}. */
    public static void write(Json value, StringBuilder out) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(out, "out");
        walk(value, new TextSink(out));
    }

    /** The JSON text of {@code value} as UTF-8 bytes, encoded as it is written. */
    public static byte[] writeUtf8(Json value) {
        Objects.requireNonNull(value, "value");
        Utf8Sink sink = new Utf8Sink();
        walk(value, sink);
        return sink.toByteArray();
    }

    /** One open array or object; frames are reused by depth. */
    private static final class Frame {
        List<Json> items;                              // set while this frame is an array
        int index;                                     // the next element to write
        Iterator<Map.Entry<String, Json>> members;    // set while this frame is an object
    }

    private static void walk(Json root, Sink out) {
        Frame[] frames = new Frame[8];
        int depth = 0;
        Json value = root;
        next:
        while (true) {
            if (value instanceof JsonObject object && !object.isEmpty()) {
                Frame frame = frame(frames, depth);
                if (frame == null) {
                    frames = Arrays.copyOf(frames, frames.length * 2);
                    frame = frame(frames, depth);
                }
                depth++;
                frame.members = object.members().entrySet().iterator();
                Map.Entry<String, Json> member = frame.members.next();
                out.punct('{');
                out.string(member.getKey());
                out.punct(':');
                value = member.getValue();
                continue;
            }
            if (value instanceof JsonArray array && !array.isEmpty()) {
                Frame frame = frame(frames, depth);
                if (frame == null) {
                    frames = Arrays.copyOf(frames, frames.length * 2);
                    frame = frame(frames, depth);
                }
                depth++;
                frame.items = array.items();
                frame.index = 1;
                out.punct('[');
                value = frame.items.get(0);
                continue;
            }
            scalar(value, out);
            while (depth > 0) {
                Frame frame = frames[depth - 1];
                if (frame.items != null) {
                    if (frame.index < frame.items.size()) {
                        out.punct(',');
                        value = frame.items.get(frame.index++);
                        continue next;
                    }
                    out.punct(']');
                    frame.items = null;
                } else {
                    if (frame.members.hasNext()) {
                        Map.Entry<String, Json> member = frame.members.next();
                        out.punct(',');
                        out.string(member.getKey());
                        out.punct(':');
                        value = member.getValue();
                        continue next;
                    }
                    out.punct('}');
                    frame.members = null;
                }
                depth--;
            }
            return;
        }
    }

    /** The frame at {@code depth}, created on first use; null when the array must grow first. */
    private static Frame frame(Frame[] frames, int depth) {
        if (depth == frames.length) return null;
        Frame frame = frames[depth];
        if (frame == null) {
            frame = new Frame();
            frames[depth] = frame;
        }
        return frame;
    }

    /** Everything but a non-empty array or object. */
    private static void scalar(Json value, Sink out) {
        switch (value) {
            case JsonString s -> out.string(s.value());
            case JsonNumber n -> {
                if (n.isLong()) {
                    out.number(n.longValue());
                } else {
                    out.ascii(n.text());
                }
            }
            case JsonBoolean b -> out.ascii(b == JsonBoolean.TRUE ? "true" : "false");
            case JsonNull n -> out.ascii("null");
            case JsonObject o -> out.ascii("{}");
            case JsonArray a -> out.ascii("[]");
        }
    }

    /** Where the text goes: a StringBuilder, or UTF-8 bytes. */
    private abstract static class Sink {
        abstract void punct(char c);

        abstract void ascii(String text);

        abstract void number(long value);

        abstract void string(String value);
    }

    private static final class TextSink extends Sink {
        private final StringBuilder out;

        TextSink(StringBuilder out) {
            this.out = out;
        }

        @Override
        void punct(char c) {
            out.append(c);
        }

        @Override
        void ascii(String text) {
            out.append(text);
        }

        @Override
        void number(long value) {
            out.append(value);
        }

        @Override
        void string(String value) {
            StringBuilder sb = out;
            sb.append('"');
            int run = 0;
            int n = value.length();
            for (int i = 0; i < n; i++) {
                char c = value.charAt(i);
                if (c >= 0x20 && c != '"' && c != '\\' && c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) {
                    continue;
                }
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                sb.append(value, run, i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\b' -> sb.append("\\b");
                    case '\f' -> sb.append("\\f");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> sb.append("\\u").append(HEX[c >> 12]).append(HEX[c >> 8 & 0xF])
                            .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
                }
                run = i + 1;
            }
            if (run == 0) {
                sb.append(value);
            } else {
                sb.append(value, run, n);
            }
            sb.append('"');
        }
    }

    /**
     * Encodes to UTF-8 as it goes. While a string is written the buffer always has room for one byte per char
     * still to come plus the closing quote; the rare wider chars and escapes make room for themselves.
     */
    private static final class Utf8Sink extends Sink {
        private static final int MAX_LENGTH = Integer.MAX_VALUE - 16;

        private byte[] buf = new byte[256];
        private int count;

        byte[] toByteArray() {
            return Arrays.copyOf(buf, count);
        }

        /** Makes the buffer hold at least {@code needed} bytes and returns it. */
        private byte[] grow(long needed) {
            if (needed > buf.length) {
                if (needed > MAX_LENGTH) {
                    throw new IllegalStateException("JSON output of " + needed + " bytes does not fit in a byte array");
                }
                buf = Arrays.copyOf(buf, (int) Math.min(MAX_LENGTH, Math.max(needed, 2L * buf.length)));
            }
            return buf;
        }

        @Override
        void punct(char c) {
            byte[] b = count < buf.length ? buf : grow(count + 1L);
            b[count++] = (byte) c;
        }

        @Override
        void ascii(String text) {
            int n = text.length();
            byte[] b = grow((long) count + n);
            int p = count;
            for (int i = 0; i < n; i++) {
                b[p++] = (byte) text.charAt(i);
            }
            count = p;
        }

        @Override
        void number(long value) {
            if (value == Long.MIN_VALUE) {
                ascii("-9223372036854775808");
                return;
            }
            byte[] b = grow(count + 20L);
            int p = count;
            if (value < 0) {
                b[p++] = '-';
                value = -value;
            }
            int digits = 1;
            for (long rest = value / 10; rest != 0; rest /= 10) {
                digits++;
            }
            p += digits;
            count = p;
            do {
                b[--p] = (byte) ('0' + value % 10);
                value /= 10;
            } while (value != 0);
        }

        @Override
        void string(String value) {
            int n = value.length();
            byte[] b = grow((long) count + n + 2);
            int p = count;
            b[p++] = '"';
            for (int i = 0; i < n; i++) {
                char c = value.charAt(i);
                if (c < 0x80 && c >= 0x20 && c != '"' && c != '\\') {
                    b[p++] = (byte) c;
                    continue;
                }
                if (p + 6L + (n - i) > b.length) {
                    count = p;
                    b = grow(p + 6L + (n - i));
                }
                if (c < 0x80) {
                    p = escape(c, b, p);
                } else if (c < 0x800) {
                    b[p++] = (byte) (0xC0 | c >> 6);
                    b[p++] = (byte) (0x80 | c & 0x3F);
                } else if (!Character.isSurrogate(c)) {
                    b[p++] = (byte) (0xE0 | c >> 12);
                    b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                    b[p++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, value.charAt(++i));
                    b[p++] = (byte) (0xF0 | cp >> 18);
                    b[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    b[p++] = (byte) (0x80 | cp & 0x3F);
                } else {
                    p = escape(c, b, p);
                }
            }
            b[p++] = '"';
            count = p;
        }

        /** Writes the escape for {@code c} (at most 6 bytes) at {@code p}; returns the new position. */
        private static int escape(char c, byte[] b, int p) {
            b[p++] = '\\';
            switch (c) {
                case '"' -> b[p++] = '"';
                case '\\' -> b[p++] = '\\';
                case '\b' -> b[p++] = 'b';
                case '\f' -> b[p++] = 'f';
                case '\n' -> b[p++] = 'n';
                case '\r' -> b[p++] = 'r';
                case '\t' -> b[p++] = 't';
                default -> {
                    b[p++] = 'u';
                    b[p++] = (byte) HEX[c >> 12];
                    b[p++] = (byte) HEX[c >> 8 & 0xF];
                    b[p++] = (byte) HEX[c >> 4 & 0xF];
                    b[p++] = (byte) HEX[c & 0xF];
                }
            }
            return p;
        }
    }
}
