package dev.jmcp;

/** One {@code resources/read}: the URI asked for and, for a template, the values of its variables. */
public interface ResourceRead extends McpCall {

    String uri();

    /** The value of a template variable, e.g. {@code var("id")} for {@code notes://{id}}; null for a plain resource. */
    String var(String name);
}
