package dev.jmcp.json;

import java.util.Arrays;
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
    private JsonWriter() {
    }

    /**
     * The JSON text of {@code value}. It is encoded to UTF-8 first and decoded once at the end: the byte encoder is
     * the fast one, and the JDK turns ASCII bytes into a String with one copy.
     */
    public static String write(Json value) {
        Objects.requireNonNull(value, "value");
        if (value instanceof JsonObject.Prewritten object) {
            return object.toString();
        }
        Utf8Output out = new Utf8Output();
        walk(value, out);
        return out.toUtf8String();
    }

    /** Appends the JSON text of {@code value} to {@code out}. */
    public static void write(Json value, StringBuilder out) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(out, "out");
        out.append(write(value));
    }

    /** The JSON text of {@code value} as UTF-8 bytes, encoded as it is written. */
    public static byte[] writeUtf8(Json value) {
        Objects.requireNonNull(value, "value");
        Utf8Output out = new Utf8Output();
        walk(value, out);
        return out.toByteArray();
    }

    /**
     * An object equal to {@code value} that carries its JSON text as UTF-8, so that each later write of it copies
     * those bytes instead of walking its members again. It is for a value written twice in quick succession: a tool
     * result sends its structured content both as a JSON value and as the text of a content block. The text is kept
     * as long as the returned object lives, so it is no cache for long-lived values.
     */
    public static JsonObject prewritten(JsonObject value) {
        Objects.requireNonNull(value, "value");
        return value instanceof JsonObject.Prewritten ? value : new JsonObject.Prewritten(value, writeUtf8(value));
    }

    /** One open array or object; frames are reused by depth. */
    private static final class Frame {
        JsonArray array;                               // set while this frame is an array
        int index;                                     // the next element to write
        JsonObject object;                             // set while this frame is an object
    }

    private static void walk(Json root, Utf8Output out) {
        Frame[] frames = new Frame[8];
        int depth = 0;
        Object value = root; // a Json; Object because JsonObject.valueAt gives one
        next:
        while (true) {
            if (value instanceof JsonObject object && !object.isEmpty() && !(object instanceof JsonObject.Prewritten)) {
                Frame frame = frame(frames, depth);
                if (frame == null) {
                    frames = Arrays.copyOf(frames, frames.length * 2);
                    frame = frame(frames, depth);
                }
                if (depth < 2) {
                    // A prewritten member's text may come earlier in the same envelope, as a string: a tool
                    // result's text block (ToolResult.structured). Near the root only, where such results sit.
                    for (int i = 0; i < object.size(); i++) {
                        if (object.valueAt(i) instanceof JsonObject.Prewritten prewritten && prewritten.textIfMade() != null) {
                            out.knownText(prewritten);
                        }
                    }
                }
                depth++;
                frame.object = object;
                frame.index = 1;
                out.punct('{');
                out.string(object.keyAt(0));
                out.punct(':');
                value = object.valueAt(0);
                continue;
            }
            if (value instanceof JsonArray array && !array.isEmpty()) {
                Frame frame = frame(frames, depth);
                if (frame == null) {
                    frames = Arrays.copyOf(frames, frames.length * 2);
                    frame = frame(frames, depth);
                }
                depth++;
                frame.array = array;
                frame.index = 1;
                out.punct('[');
                value = array.itemAt(0);
                continue;
            }
            scalar(value, out);
            while (depth > 0) {
                Frame frame = frames[depth - 1];
                if (frame.array != null) {
                    if (frame.index < frame.array.size()) {
                        out.punct(',');
                        value = frame.array.itemAt(frame.index++);
                        continue next;
                    }
                    out.punct(']');
                    frame.array = null;
                } else {
                    JsonObject object = frame.object;
                    if (frame.index < object.size()) {
                        int i = frame.index++;
                        out.punct(',');
                        out.string(object.keyAt(i));
                        out.punct(':');
                        value = object.valueAt(i);
                        continue next;
                    }
                    out.punct('}');
                    frame.object = null;
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
    private static void scalar(Object value, Utf8Output out) {
        // instanceof, not a pattern switch: this runs in every cold start (core/README.md, "Cold start")
        if (value instanceof JsonString s) {
            out.string(s.value());
        } else if (value instanceof JsonNumber n) {
            n.writeTo(out);
        } else if (value instanceof JsonBoolean b) {
            out.ascii(b == JsonBoolean.TRUE ? "true" : "false");
        } else if (value instanceof JsonNull) {
            out.ascii("null");
        } else if (value instanceof JsonObject.Prewritten prewritten) {
            out.raw(prewritten.utf8);
        } else if (value instanceof JsonObject) {
            out.ascii("{}");
        } else {
            out.ascii("[]"); // a JsonArray, the last of JSON's six types
        }
    }
}
