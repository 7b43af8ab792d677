package dev.jmcp;

import dev.jmcp.internal.Copies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A family of resources named by an RFC 6570 level-1 URI template such as {@code notes://{id}}. A read whose URI
 * matches the template is served by its handler, with the variables in {@link ResourceRead#var}.
 */
public record ResourceTemplate(String uriTemplate, String name, String title, String description, String mimeType,
                               List<Icon> icons, Map<String, Completer> completers, CacheHint cacheHint,
                               ResourceHandler handler) {

    public static final class Builder {
        private final String uriTemplate;
        private String name;
        private String title;
        private String description;
        private String mimeType;
        private final List<Icon> icons = new ArrayList<>();
        private final Map<String, Completer> completers = new LinkedHashMap<>();
        private CacheHint cacheHint;
        private ResourceHandler handler;

        Builder(String uriTemplate) {
            this.uriTemplate = Objects.requireNonNull(uriTemplate, "uriTemplate");
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

        public Builder icon(Icon icon) {
            icons.add(Objects.requireNonNull(icon, "icon"));
            return this;
        }

        /** Completes values of one template variable. */
        public Builder complete(String variable, Completer completer) {
            completers.put(Objects.requireNonNull(variable, "variable"), Objects.requireNonNull(completer, "completer"));
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

        ResourceTemplate build() {
            var variables = dev.jmcp.internal.UriTemplate.parse(uriTemplate).variables();
            for (String variable : completers.keySet()) {
                if (!variables.contains(variable)) {
                    throw new IllegalArgumentException("template \"" + uriTemplate + "\" has no variable \"" + variable + "\" to complete; it has " + variables);
                }
            }
            if (handler == null) throw new IllegalArgumentException("template \"" + uriTemplate + "\" has no handler: add .read(read -> ...)");
            return new ResourceTemplate(uriTemplate, name != null ? name : uriTemplate, title, description, mimeType,
                    List.copyOf(icons), Copies.map(completers), cacheHint, handler);
        }
    }
}
