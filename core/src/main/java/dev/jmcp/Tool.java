package dev.jmcp;

import dev.jmcp.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A tool as registered: metadata, input and output schemas, and its handler. Made by {@link McpServer.Builder#tool}
 * or {@link #define} (for tools added while the server runs).
 */
public record Tool(String name, String title, String description, JsonObject inputSchema, JsonObject outputSchema,
                   Annotations annotations, List<Icon> icons, JsonObject meta, ToolHandler handler) {

    /** SEP-986: 1 to 128 characters from A-Z a-z 0-9 _ - . */

    /** Hints about what a tool does; null fields are left out. */
    public record Annotations(String title, Boolean readOnlyHint, Boolean destructiveHint, Boolean idempotentHint,
                              Boolean openWorldHint) {
        boolean isEmpty() {
            return title == null && readOnlyHint == null && destructiveHint == null && idempotentHint == null && openWorldHint == null;
        }
    }

    public static Tool define(String name, Consumer<Builder> spec) {
        var builder = new Builder(name);
        spec.accept(builder);
        return builder.build();
    }

    public static final class Builder {
        private final String name;
        private String title;
        private String description;
        private final List<Arg<?>> args = new ArrayList<>();
        private JsonObject inputSchema;
        private JsonObject outputSchema;
        private String annotationTitle;
        private Boolean readOnly;
        private Boolean destructive;
        private Boolean idempotent;
        private Boolean openWorld;
        private final List<Icon> icons = new ArrayList<>();
        private JsonObject meta;
        private ToolHandler handler;

        Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** The tool's arguments; the input schema is built from them. */
        public Builder args(Arg<?>... args) {
            this.args.addAll(List.of(args));
            return this;
        }

        /** A hand-written input schema, kept verbatim (JSON Schema 2020-12 keywords and all). Read arguments with {@code call.arguments()}. */
        public Builder inputSchema(JsonObject schema) {
            this.inputSchema = Objects.requireNonNull(schema, "schema");
            return this;
        }

        /** The schema of the tool's structured content. */
        public Builder outputSchema(JsonObject schema) {
            this.outputSchema = Objects.requireNonNull(schema, "schema");
            return this;
        }

        /** The tool only reads: it changes nothing in its environment. */
        public Builder readOnly() {
            this.readOnly = true;
            return this;
        }

        /** The tool may destroy or overwrite data. */
        public Builder destructive() {
            this.readOnly = false;
            this.destructive = true;
            return this;
        }

        /** Calling it again with the same arguments has no further effect. */
        public Builder idempotent() {
            this.idempotent = true;
            return this;
        }

        /** The tool reaches into an open world (the web), not a closed domain. */
        public Builder openWorld(boolean openWorld) {
            this.openWorld = openWorld;
            return this;
        }

        public Builder annotationTitle(String title) {
            this.annotationTitle = title;
            return this;
        }

        public Builder icon(Icon icon) {
            icons.add(Objects.requireNonNull(icon, "icon"));
            return this;
        }

        public Builder meta(JsonObject meta) {
            this.meta = meta;
            return this;
        }

        public Builder handle(ToolHandler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        Tool build() {
            if (!dev.jmcp.internal.Ascii.word(name, 1, 128, "_.-")) {
                throw new IllegalArgumentException("tool name \"" + name + "\" must be 1 to 128 characters from A-Z a-z 0-9 _ - .");
            }
            if (description == null || description.isBlank()) {
                throw new IllegalArgumentException("tool \"" + name + "\" needs a description: the model reads it to decide when to call the tool");
            }
            if (handler == null) throw new IllegalArgumentException("tool \"" + name + "\" has no handler: add .handle(call -> ...)");
            if (inputSchema != null && !args.isEmpty()) {
                throw new IllegalArgumentException("tool \"" + name + "\" has both args(...) and inputSchema(...): choose one");
            }
            var seen = new java.util.HashSet<String>();
            for (Arg<?> arg : args) {
                if (!seen.add(arg.name())) throw new IllegalArgumentException("tool \"" + name + "\" declares argument \"" + arg.name() + "\" twice");
            }
            JsonObject schema = inputSchema != null ? inputSchema : Arg.objectSchema(args);
            if (!"object".equals(schema.optString("type"))) {
                throw new IllegalArgumentException("tool \"" + name + "\" inputSchema must have \"type\": \"object\"");
            }
            var annotations = new Annotations(annotationTitle, readOnly, destructive, idempotent, openWorld);
            return new Tool(name, title, description, schema, outputSchema, annotations.isEmpty() ? null : annotations,
                    List.copyOf(icons), meta, handler);
        }
    }
}
