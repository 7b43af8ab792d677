package dev.jmcp;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonArray;
import dev.jmcp.json.JsonNumber;
import dev.jmcp.json.JsonObject;
import dev.jmcp.json.JsonString;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A typed argument of a tool or prompt: its name, JSON Schema, decoder and default in one value. Declare each once
 * as a constant, list it in {@code args(...)}, and read it with {@code call.get(ARG)}: no casts, no reflection.
 *
 * <pre>{@code
 * static final Arg<String> CITY = Arg.string("city").description("City name, e.g. \"Bergen\"");
 * static final Arg<Integer> DAYS = Arg.integer("days").range(1, 14).orElse(3);   // optional, default 3
 * }</pre>
 *
 * <p>A value of the wrong type or out of range is refused with a message that names the argument, the rule and the
 * value received; for a tool that message becomes an {@code isError} result the model can correct.
 *
 * @param <T> the Java type the handler reads
 */
public final class Arg<T> {

    private enum Kind { STRING, INTEGER, NUMBER, BOOLEAN, STRINGS, JSON }

    private final String name;
    private final Kind kind;
    private final String description;
    private final boolean required;
    private final T defaultValue;
    private final Long min;
    private final Long max;
    private final List<String> allowed;
    private final JsonObject rawSchema;
    private final String header;

    private Arg(String name, Kind kind, String description, boolean required, T defaultValue,
                Long min, Long max, List<String> allowed, JsonObject rawSchema, String header) {
        this.name = name;
        this.kind = kind;
        this.description = description;
        this.required = required;
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
        this.allowed = allowed;
        this.rawSchema = rawSchema;
        this.header = header;
    }

    private static <T> Arg<T> create(String name, Kind kind) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) throw new IllegalArgumentException("argument name is empty");
        return new Arg<>(name, kind, null, true, null, null, null, List.of(), null, null);
    }

    public static Arg<String> string(String name) {
        return create(name, Kind.STRING);
    }

    /** A whole number that fits in an {@code int}. */
    public static Arg<Integer> integer(String name) {
        return create(name, Kind.INTEGER);
    }

    public static Arg<Double> number(String name) {
        return create(name, Kind.NUMBER);
    }

    public static Arg<Boolean> bool(String name) {
        return create(name, Kind.BOOLEAN);
    }

    /** A string that must be one of the given values (a JSON Schema {@code enum}). */
    public static Arg<String> oneOf(String name, String... values) {
        if (values.length == 0) throw new IllegalArgumentException("oneOf(\"" + name + "\") needs at least one value");
        Arg<String> arg = create(name, Kind.STRING);
        return arg.copy(arg.description, true, null, null, null, List.of(values));
    }

    public static Arg<List<String>> strings(String name) {
        return create(name, Kind.STRINGS);
    }

    /** Any JSON value, described by a schema of your own; read it as {@link Json}. */
    public static Arg<Json> json(String name, JsonObject schema) {
        Arg<Json> arg = create(name, Kind.JSON);
        return new Arg<>(arg.name, Kind.JSON, null, true, null, null, null, List.of(), Objects.requireNonNull(schema, "schema"), null);
    }

    private Arg<T> copy(String description, boolean required, T defaultValue, Long min, Long max, List<String> allowed) {
        return new Arg<>(name, kind, description, required, defaultValue, min, max, allowed, rawSchema, header);
    }

    public Arg<T> description(String description) {
        return copy(Objects.requireNonNull(description, "description"), required, defaultValue, min, max, allowed);
    }

    /** Inclusive bounds for an integer or number argument, or for the length of a string. */
    public Arg<T> range(long min, long max) {
        if (min > max) throw new IllegalArgumentException("range of \"" + name + "\": min " + min + " > max " + max);
        if (kind != Kind.INTEGER && kind != Kind.NUMBER && kind != Kind.STRING) {
            throw new IllegalArgumentException("range does not apply to argument \"" + name + "\" of kind " + kind);
        }
        return copy(description, required, defaultValue, min, max, allowed);
    }

    /** Makes the argument optional: absent, {@code call.get} returns this value (also shown in the schema). */
    public Arg<T> orElse(T defaultValue) {
        return copy(description, false, Objects.requireNonNull(defaultValue, "defaultValue"), min, max, allowed);
    }

    /** Makes the argument optional without a default: read it with {@code call.find(ARG)}. */
    public Arg<T> optional() {
        return copy(description, false, null, min, max, allowed);
    }

    /**
     * Mirrors this argument into the HTTP header {@code Mcp-Param-<name>} (MCP 2026-07-28 {@code x-mcp-header}), so
     * that gateways can route or rate-limit on it without reading the body. The server checks that the header and
     * the argument agree.
     */
    public Arg<T> header(String headerName) {
        if (!dev.jmcp.internal.Ascii.word(headerName, 1, 64, "-")) {
            throw new IllegalArgumentException("header name of \"" + name + "\" must be letters, digits and '-', got \"" + headerName + "\"");
        }
        return new Arg<>(name, kind, description, required, defaultValue, min, max, allowed, rawSchema, headerName);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public boolean required() {
        return required;
    }

    /** The default, or null. */
    public T defaultValue() {
        return defaultValue;
    }

    /** This argument's JSON Schema. */
    public JsonObject schema() {
        if (rawSchema != null) {
            return description == null || rawSchema.has("description") ? rawSchema : rawSchema.with("description", new JsonString(description));
        }
        var schema = JsonObject.builder();
        switch (kind) {
            case STRING -> {
                schema.put("type", "string");
                if (!allowed.isEmpty()) schema.put("enum", Json.array(allowed));
                if (min != null) schema.put("minLength", min).put("maxLength", max);
            }
            case INTEGER, NUMBER -> {
                schema.put("type", kind == Kind.INTEGER ? "integer" : "number");
                if (min != null) schema.put("minimum", min).put("maximum", max);
            }
            case BOOLEAN -> schema.put("type", "boolean");
            case STRINGS -> schema.put("type", "array").put("items", Json.object("type", "string"));
            case JSON -> throw new IllegalStateException("unreachable");
        }
        schema.put("description", description);
        if (defaultValue != null) schema.put("default", Json.of(defaultValue));
        schema.put("x-mcp-header", header);
        return schema.build();
    }

    /** The object schema for a list of arguments, as {@code inputSchema} or a prompt's arguments want it. */
    public static JsonObject objectSchema(List<Arg<?>> args) {
        var properties = JsonObject.builder();
        var required = new ArrayList<String>();
        for (Arg<?> arg : args) {
            properties.put(arg.name, arg.schema());
            if (arg.required) required.add(arg.name);
        }
        var schema = JsonObject.builder().put("type", "object").put("properties", properties.build());
        if (!required.isEmpty()) schema.put("required", Json.array(required));
        return schema.build();
    }

    /**
     * Decodes this argument from a call's arguments: the default when absent and optional, null when absent,
     * optional and without default. A missing required argument or a bad value throws {@link Invalid}.
     */
    public T decode(JsonObject arguments) {
        Json value = arguments.get(name);
        if (value == null || value == dev.jmcp.json.JsonNull.NULL) {
            if (required) throw new Invalid("missing required argument \"" + name + "\"" + expected());
            return defaultValue;
        }
        return decodeValue(value);
    }

    @SuppressWarnings("unchecked")
    private T decodeValue(Json value) {
        return (T) switch (kind) {
            case STRING -> {
                if (!(value instanceof JsonString s)) throw wrongType(value);
                if (!allowed.isEmpty() && !allowed.contains(s.value())) {
                    throw new Invalid("argument \"" + name + "\" must be one of " + allowed + ", got \"" + s.value() + "\"");
                }
                int length = s.value().codePointCount(0, s.value().length());
                if (min != null && (length < min || length > max)) {
                    throw new Invalid("argument \"" + name + "\" must be " + min + " to " + max + " characters long, got " + length);
                }
                yield s.value();
            }
            case INTEGER -> {
                if (!(value instanceof JsonNumber n) || !n.fitsLong()) throw wrongType(value);
                long v = n.longValue();
                checkRange(v, Long.toString(v));
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw new Invalid("argument \"" + name + "\" is out of the 32-bit integer range: " + v);
                yield (int) v;
            }
            case NUMBER -> {
                if (!(value instanceof JsonNumber n)) throw wrongType(value);
                double v = n.doubleValue();
                if (min != null && (v < min || v > max)) checkRange(v < min ? Long.MIN_VALUE : Long.MAX_VALUE, n.text());
                yield v;
            }
            case BOOLEAN -> {
                if (!(value instanceof dev.jmcp.json.JsonBoolean b)) throw wrongType(value);
                yield b.value();
            }
            case STRINGS -> {
                if (!(value instanceof JsonArray a)) throw wrongType(value);
                var items = new ArrayList<String>(a.size());
                for (int i = 0; i < a.size(); i++) {
                    if (!(a.get(i) instanceof JsonString s)) {
                        throw new Invalid("argument \"" + name + "\"[" + i + "] must be a string, got " + a.get(i).typeName());
                    }
                    items.add(s.value());
                }
                yield Collections.unmodifiableList(items);
            }
            case JSON -> value;
        };
    }

    private void checkRange(long v, String shown) {
        if (min != null && (v < min || v > max)) {
            throw new Invalid("argument \"" + name + "\" must be between " + min + " and " + max + ", got " + shown);
        }
    }

    private Invalid wrongType(Json value) {
        String want = switch (kind) {
            case STRING -> "a string";
            case INTEGER -> "a whole number";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case STRINGS -> "an array of strings";
            case JSON -> "JSON";
        };
        String got = value instanceof JsonString s ? "string \"" + truncate(s.value()) + "\"" : value.typeName() + " " + truncate(Json.write(value));
        return new Invalid("argument \"" + name + "\" must be " + want + ", got " + got);
    }

    private String expected() {
        return description == null ? "" : " (" + description + ")";
    }

    private static String truncate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    @Override
    public String toString() {
        return "Arg[" + name + "]";
    }

    /** An argument value that breaks its declaration. For tools it becomes an {@code isError} result. */
    public static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public Invalid(String message) {
            super(message);
        }
    }
}
