package dev.jmcp;

import dev.jmcp.internal.Catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * An MCP server: what it offers (tools, resources, templates, prompts) and nothing about how it is reached. Define
 * it once; each runtime serves it (the JVM server, Lambda, Workers, a container) without a change.
 *
 * <pre>{@code
 * static final Arg<String> CITY = Arg.string("city").description("City name");
 *
 * McpServer server = McpServer.create("weather", "1.0.0", mcp -> mcp
 *     .tool("forecast", tool -> tool
 *         .description("Tomorrow's forecast for one city")
 *         .args(CITY)
 *         .readOnly()
 *         .handle(call -> ToolResult.text("Sunny in " + call.get(CITY)))));
 * }</pre>
 *
 * <p>{@code create} checks every definition (names, descriptions, schemas, templates) and throws an
 * {@link IllegalArgumentException} naming the culprit. Capabilities follow from what is registered. Tools,
 * resources and prompts can be added and removed while the server runs; connected clients are told the lists changed.
 * A server is safe to share between threads.
 */
public final class McpServer {

    /** Who the server is, as clients see it in {@code serverInfo}. */
    public record Info(String name, String version, String title, String description, String websiteUrl, List<Icon> icons) {
    }

    /** What changed, for the runtimes that tell clients. */
    public sealed interface Change {
        record ToolsChanged() implements Change {
        }

        record PromptsChanged() implements Change {
        }

        record ResourcesChanged() implements Change {
        }

        record ResourceUpdated(String uri) implements Change {
        }
    }

    private final Info info;
    private final String instructions;
    private final int pageSize;
    private final CacheHint cacheHint;
    private volatile Catalog catalog;
    private final List<Consumer<Change>> listeners = new ArrayList<>();

    private McpServer(Builder b) {
        this.info = new Info(b.name, b.version, b.title, b.description, b.websiteUrl, List.copyOf(b.icons));
        this.instructions = b.instructions;
        this.pageSize = b.pageSize;
        this.cacheHint = b.cacheHint;
        this.catalog = new Catalog(b.tools, b.resources, b.templates, b.prompts);
    }

    public static McpServer create(String name, String version, Consumer<Builder> spec) {
        var builder = new Builder(name, version);
        spec.accept(builder);
        return new McpServer(builder);
    }

    public Info info() {
        return info;
    }

    /** Instructions for the model about how to use this server, or null. */
    public String instructions() {
        return instructions;
    }

    public int pageSize() {
        return pageSize;
    }

    /** How long clients may cache lists and reads (MCP 2026-07-28); resources and templates may override it. */
    public CacheHint cacheHint() {
        return cacheHint;
    }

    /** The current definitions; a consistent snapshot, replaced as a whole when something is added or removed. */
    public Catalog catalog() {
        return catalog;
    }

    public void addTool(Tool tool) {
        update(catalog -> catalog.withTool(tool), new Change.ToolsChanged());
    }

    /** Removes the tool; false when there was none by that name. */
    public boolean removeTool(String name) {
        return update(catalog -> catalog.withoutTool(name), new Change.ToolsChanged());
    }

    public void addPrompt(Prompt prompt) {
        update(catalog -> catalog.withPrompt(prompt), new Change.PromptsChanged());
    }

    public boolean removePrompt(String name) {
        return update(catalog -> catalog.withoutPrompt(name), new Change.PromptsChanged());
    }

    public void addResource(Resource resource) {
        update(catalog -> catalog.withResource(resource), new Change.ResourcesChanged());
    }

    public boolean removeResource(String uri) {
        return update(catalog -> catalog.withoutResource(uri), new Change.ResourcesChanged());
    }

    /** Replaces the catalog with an edited one and tells listeners, unless the edit changed nothing. */
    private boolean update(UnaryOperator<Catalog> edit, Change change) {
        boolean changed;
        synchronized (this) {
            Catalog next = edit.apply(catalog);
            changed = next != catalog;
            catalog = next;
        }
        if (changed) fire(change);
        return changed;
    }

    /** Tells clients the tool list changed, for tools whose behaviour depends on state outside the catalog. */
    public void toolsChanged() {
        fire(new Change.ToolsChanged());
    }

    /** Tells clients the prompt list changed. */
    public void promptsChanged() {
        fire(new Change.PromptsChanged());
    }

    /** Tells subscribed clients that the resource's contents changed. */
    public void resourceUpdated(String uri) {
        fire(new Change.ResourceUpdated(Objects.requireNonNull(uri, "uri")));
    }

    /** Registers a listener for changes; runtimes use this to notify clients. */
    public void onChange(Consumer<Change> listener) {
        synchronized (listeners) {
            listeners.add(listener);
        }
    }

    private void fire(Change change) {
        List<Consumer<Change>> current;
        synchronized (listeners) {
            current = List.copyOf(listeners);
        }
        for (var listener : current) listener.accept(change);
    }

    /** Collects a server's definitions; every method returns this builder for chaining. */
    public static final class Builder {
        private final String name;
        private final String version;
        private String title;
        private String description;
        private String websiteUrl;
        private String instructions;
        private int pageSize = 100;
        private CacheHint cacheHint = CacheHint.NONE;
        private final List<Icon> icons = new ArrayList<>();
        private final LinkedHashMap<String, Tool> tools = new LinkedHashMap<>();
        private final LinkedHashMap<String, Resource> resources = new LinkedHashMap<>();
        private final LinkedHashMap<String, ResourceTemplate> templates = new LinkedHashMap<>();
        private final LinkedHashMap<String, Prompt> prompts = new LinkedHashMap<>();

        private Builder(String name, String version) {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("server name is blank");
            if (version == null || version.isBlank()) throw new IllegalArgumentException("server version is blank");
            this.name = name;
            this.version = version;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder websiteUrl(String websiteUrl) {
            this.websiteUrl = websiteUrl;
            return this;
        }

        public Builder icon(Icon icon) {
            icons.add(Objects.requireNonNull(icon, "icon"));
            return this;
        }

        public Builder instructions(String instructions) {
            this.instructions = instructions;
            return this;
        }

        /** How many items one page of a list holds (default 100). */
        public Builder pageSize(int pageSize) {
            if (pageSize < 1) throw new IllegalArgumentException("pageSize < 1: " + pageSize);
            this.pageSize = pageSize;
            return this;
        }

        /** The cache hint of lists and of reads whose resource sets none (default {@link CacheHint#NONE}). */
        public Builder cache(CacheHint hint) {
            this.cacheHint = Objects.requireNonNull(hint, "hint");
            return this;
        }

        public Builder tool(String name, Consumer<Tool.Builder> spec) {
            return tool(Tool.define(name, spec));
        }

        public Builder tool(Tool tool) {
            if (tools.putIfAbsent(tool.name(), tool) != null) throw new IllegalArgumentException("tool \"" + tool.name() + "\" is registered twice");
            return this;
        }

        public Builder resource(String uri, Consumer<Resource.Builder> spec) {
            return resource(Resource.define(uri, spec));
        }

        public Builder resource(Resource resource) {
            if (resources.putIfAbsent(resource.uri(), resource) != null) {
                throw new IllegalArgumentException("resource \"" + resource.uri() + "\" is registered twice");
            }
            return this;
        }

        public Builder resourceTemplate(String uriTemplate, Consumer<ResourceTemplate.Builder> spec) {
            var builder = new ResourceTemplate.Builder(uriTemplate);
            spec.accept(builder);
            var template = builder.build();
            if (templates.putIfAbsent(uriTemplate, template) != null) {
                throw new IllegalArgumentException("resource template \"" + uriTemplate + "\" is registered twice");
            }
            return this;
        }

        public Builder prompt(String name, Consumer<Prompt.Builder> spec) {
            return prompt(Prompt.define(name, spec));
        }

        public Builder prompt(Prompt prompt) {
            if (prompts.putIfAbsent(prompt.name(), prompt) != null) throw new IllegalArgumentException("prompt \"" + prompt.name() + "\" is registered twice");
            return this;
        }
    }
}
