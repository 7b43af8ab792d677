package dev.jmcp.json;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A JSON value: one of six immutable kinds. The codec is ours because jackson-core does not compile under TeaVM;
 * {@link JsonParser} reads RFC 8259 strictly and {@link JsonWriter} writes compact JSON.
 *
 * <pre>{@code
 * Json request = Json.parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
 * String method = request.asObject().string("method");               // "ping"
 * Json reply = Json.object("jsonrpc", "2.0", "id", 1, "result", Json.object());
 * String text = Json.write(reply);                                    // {"jsonrpc":"2.0","id":1,"result":{}}
 * }</pre>
 *
 * <p>Convenience lives in static helpers here, not on every node (as Jetty's {@code Request} does).
 */
public sealed interface Json permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

    /** Parses one JSON text with the default {@link JsonParser.Limits}. */
    static Json parse(String text) {
        return JsonParser.parse(text, JsonParser.Limits.DEFAULT);
    }

    /** Parses UTF-8 bytes; invalid UTF-8 is a {@link JsonParseException} with the byte offset. */
    static Json parse(byte[] utf8) {
        return JsonParser.parse(utf8, JsonParser.Limits.DEFAULT);
    }

    static String write(Json value) {
        return JsonWriter.write(value);
    }

    static byte[] writeUtf8(Json value) {
        return JsonWriter.writeUtf8(value);
    }

    /** Builds an object from alternating keys and values; values go through {@link #of(Object)}; null values are left out. */
    static JsonObject object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Json.object needs key/value pairs, got " + keysAndValues.length + " arguments");
        }
        var members = new Members(keysAndValues.length / 2);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (!(keysAndValues[i] instanceof String key)) {
                throw new IllegalArgumentException("Json.object key at position " + i + " is not a String: " + keysAndValues[i]);
            }
            Object value = keysAndValues[i + 1];
            if (value != null) {
                members.put(key, of(value));
            }
        }
        return JsonObject.wrap(members);
    }

    static JsonArray array(Object... values) {
        return array(Arrays.asList(values));
    }

    static JsonArray array(List<?> values) {
        var items = new Object[values.size()];
        int i = 0;
        for (Object value : values) {
            items[i++] = of(value);
        }
        return JsonArray.wrap(items);
    }

    /**
     * Converts a plain Java value: Json as is, String, Boolean, Integer/Long/Short/Byte, Double/Float, BigDecimal,
     * BigInteger, Map with String keys, List, and null as {@link JsonNull}. Anything else is an error naming its class.
     */
    static Json of(Object value) {
        // instanceof, not a pattern switch: this runs in every cold start (core/README.md, "Cold start")
        if (value == null) return JsonNull.NULL;
        if (value instanceof Json json) return json;
        if (value instanceof String s) return new JsonString(s);
        if (value instanceof Boolean b) return JsonBoolean.of(b);
        if (value instanceof Integer i) return JsonNumber.of(i);
        if (value instanceof Long l) return JsonNumber.of(l);
        if (value instanceof Short s) return JsonNumber.of(s);
        if (value instanceof Byte b) return JsonNumber.of(b);
        if (value instanceof Double d) return JsonNumber.of(d);
        if (value instanceof Float f) return JsonNumber.of(f.doubleValue());
        if (value instanceof BigDecimal d) return JsonNumber.of(d);
        if (value instanceof java.math.BigInteger i) return JsonNumber.of(new BigDecimal(i));
        if (value instanceof Map<?, ?> map) {
            var members = new Members(map.size());
            map.forEach((k, v) -> {
                if (!(k instanceof String key)) {
                    throw new IllegalArgumentException("Json.of map key is not a String: " + k);
                }
                members.put(key, of(v));
            });
            return JsonObject.wrap(members);
        }
        if (value instanceof List<?> list) return array(list);
        throw new IllegalArgumentException("Json.of cannot convert " + value.getClass().getName());
    }

    static JsonString string(String value) {
        return new JsonString(value);
    }

    default JsonObject asObject() {
        if (this instanceof JsonObject o) return o;
        throw new JsonTypeException("object", this);
    }

    default JsonArray asArray() {
        if (this instanceof JsonArray a) return a;
        throw new JsonTypeException("array", this);
    }

    default String asString() {
        if (this instanceof JsonString s) return s.value();
        throw new JsonTypeException("string", this);
    }

    default JsonNumber asNumber() {
        if (this instanceof JsonNumber n) return n;
        throw new JsonTypeException("number", this);
    }

    default boolean asBoolean() {
        if (this instanceof JsonBoolean b) return b.value();
        throw new JsonTypeException("boolean", this);
    }

    /** The JSON type name used in error messages: object, array, string, number, boolean or null. */
    default String typeName() {
        return switch (this) {
            case JsonObject o -> "object";
            case JsonArray a -> "array";
            case JsonString s -> "string";
            case JsonNumber n -> "number";
            case JsonBoolean b -> "boolean";
            case JsonNull n -> "null";
        };
    }
}
