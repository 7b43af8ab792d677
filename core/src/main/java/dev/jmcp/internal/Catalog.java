package dev.jmcp.internal;

import dev.jmcp.Prompt;
import dev.jmcp.Resource;
import dev.jmcp.ResourceTemplate;
import dev.jmcp.Tool;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of a server's definitions, in registration order (so {@code tools/list} is deterministic).
 * Changes make a new snapshot.
 */
public final class Catalog {
    private final Map<String, Tool> tools;
    private final Map<String, Resource> resources;
    private final Map<String, ResourceTemplate> templates;
    private final List<UriTemplate> parsedTemplates;
    private final Map<String, Prompt> prompts;

    public Catalog(Map<String, Tool> tools, Map<String, Resource> resources, Map<String, ResourceTemplate> templates,
                   Map<String, Prompt> prompts) {
        this.tools = freeze(tools);
        this.resources = freeze(resources);
        this.templates = freeze(templates);
        this.prompts = freeze(prompts);
        var parsed = new ArrayList<UriTemplate>(templates.size());
        for (String template : templates.keySet()) parsed.add(UriTemplate.parse(template));
        this.parsedTemplates = List.copyOf(parsed);
    }

    private static <T> Map<String, T> freeze(Map<String, T> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    public List<Tool> tools() {
        return List.copyOf(tools.values());
    }

    public Tool tool(String name) {
        return tools.get(name);
    }

    public List<Resource> resources() {
        return List.copyOf(resources.values());
    }

    public Resource resource(String uri) {
        return resources.get(uri);
    }

    public List<ResourceTemplate> templates() {
        return List.copyOf(templates.values());
    }

    public ResourceTemplate template(String uriTemplate) {
        return templates.get(uriTemplate);
    }

    /** The first template matching the URI with its variables, or null. */
    public Match match(String uri) {
        int i = 0;
        for (ResourceTemplate template : templates.values()) {
            var vars = parsedTemplates.get(i++).match(uri);
            if (vars != null) return new Match(template, vars);
        }
        return null;
    }

    public record Match(ResourceTemplate template, Map<String, String> vars) {
    }

    public List<Prompt> prompts() {
        return List.copyOf(prompts.values());
    }

    public Prompt prompt(String name) {
        return prompts.get(name);
    }

    public boolean hasCompletions() {
        for (Prompt p : prompts.values()) if (!p.completers().isEmpty()) return true;
        for (ResourceTemplate t : templates.values()) if (!t.completers().isEmpty()) return true;
        return false;
    }

    public Catalog withTool(Tool tool) {
        var next = new LinkedHashMap<>(tools);
        next.put(tool.name(), tool);
        return new Catalog(next, resources, templates, prompts);
    }

    public Catalog withoutTool(String name) {
        if (!tools.containsKey(name)) return this;
        var next = new LinkedHashMap<>(tools);
        next.remove(name);
        return new Catalog(next, resources, templates, prompts);
    }

    public Catalog withPrompt(Prompt prompt) {
        var next = new LinkedHashMap<>(prompts);
        next.put(prompt.name(), prompt);
        return new Catalog(tools, resources, templates, next);
    }

    public Catalog withoutPrompt(String name) {
        if (!prompts.containsKey(name)) return this;
        var next = new LinkedHashMap<>(prompts);
        next.remove(name);
        return new Catalog(tools, resources, templates, next);
    }

    public Catalog withResource(Resource resource) {
        var next = new LinkedHashMap<>(resources);
        next.put(resource.uri(), resource);
        return new Catalog(tools, next, templates, prompts);
    }

    public Catalog withoutResource(String uri) {
        if (!resources.containsKey(uri)) return this;
        var next = new LinkedHashMap<>(resources);
        next.remove(uri);
        return new Catalog(tools, next, templates, prompts);
    }
}
