package dev.jmcp;

/** Serves {@code resources/read} for a resource or a template. Throw {@link McpException#resourceNotFound} when absent. */
@FunctionalInterface
public interface ResourceHandler {
    ResourceResult read(ResourceRead read) throws Exception;
}
