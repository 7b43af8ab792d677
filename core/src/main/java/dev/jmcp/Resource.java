package dev.jmcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** A resource with a fixed URI, as registered. */
public record Resource(String uri, String name, String title, String description, String mimeType, Long size,
                       List<Icon> icons, CacheHint cacheHint, ResourceHandler handler) {

    public static Resource define(String uri, Consumer<Builder> spec) {
        var builder = new Builder(uri);
        spec.accept(builder);
        return builder.build();
    }

    public static final class Builder {
        private final String uri;
        private String name;
        private String title;
        private String description;
        private String mimeType;
        private Long size;
        private final List<Icon> icons = new ArrayList<>();
        private CacheHint cacheHint;
        private ResourceHandler handler;

        Builder(String uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder mimeType(String mimeType) {
            this.mimeType = mimeType;
            return this;
        }

        public Builder size(long bytes) {
            this.size = bytes;
            return this;
        }

        public Builder icon(Icon icon) {
            icons.add(Objects.requireNonNull(icon, "icon"));
            return this;
        }

        /** How long clients may cache a read (MCP 2026-07-28); unset, the server's hint applies. */
        public Builder cache(CacheHint hint) {
            this.cacheHint = Objects.requireNonNull(hint, "hint");
            return this;
        }

        public Builder read(ResourceHandler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        Resource build() {
            if (uri.isBlank() || !uri.contains(":")) throw new IllegalArgumentException("resource URI \"" + uri + "\" must be absolute (scheme:...)");
            if (handler == null) throw new IllegalArgumentException("resource \"" + uri + "\" has no handler: add .read(read -> ...)");
            return new Resource(uri, name != null ? name : uri, title, description, mimeType, size, List.copyOf(icons), cacheHint, handler);
        }
    }
}
