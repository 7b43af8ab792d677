package dev.jmcp.http;

import dev.jmcp.internal.Ascii;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * HTTP header fields in arrival order, looked up case-insensitively. Immutable; build with {@link #builder()}.
 */
public final class Headers {
    public static final Headers EMPTY = new Headers(List.of());

    /** One header field. */
    public record Field(String name, String value) {
    }

    private final List<Field> fields;

    private Headers(List<Field> fields) {
        this.fields = fields;
    }

    public static Headers of(String... namesAndValues) {
        var builder = builder();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) builder.add(namesAndValues[i], namesAndValues[i + 1]);
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The first value of the named field, or null. */
    public String get(String name) {
        for (Field field : fields) {
            if (Ascii.equalsIgnoreCase(field.name, name)) return field.value;
        }
        return null;
    }

    /** Every value of the named field, in order. */
    public List<String> all(String name) {
        var values = new ArrayList<String>(2);
        for (Field field : fields) {
            if (Ascii.equalsIgnoreCase(field.name, name)) values.add(field.value);
        }
        return values;
    }

    public List<Field> fields() {
        return fields;
    }

    public Builder toBuilder() {
        var builder = new Builder();
        builder.fields.addAll(fields);
        return builder;
    }

    @Override
    public String toString() {
        var text = new StringBuilder();
        for (Field field : fields) text.append(Ascii.lower(field.name)).append(": ").append(field.value).append('\n');
        return text.toString();
    }

    public static final class Builder {
        private final List<Field> fields = new ArrayList<>();

        private Builder() {
        }

        public Builder add(String name, String value) {
            fields.add(new Field(name, value));
            return this;
        }

        /** Replaces every field of that name with one. */
        public Builder set(String name, String value) {
            fields.removeIf(f -> Ascii.equalsIgnoreCase(f.name, name));
            fields.add(new Field(name, value));
            return this;
        }

        public Headers build() {
            return fields.isEmpty() ? EMPTY : new Headers(Collections.unmodifiableList(new ArrayList<>(fields)));
        }
    }
}
