package dev.jmcp;

import java.util.Objects;

/**
 * An expensive resource made once per runtime instance and reused by every request that instance serves: a
 * connection pool, an HTTP client, a parsed model. Declare it as a constant and ask the platform for it where it
 * is needed; the first call creates it, later calls (warm Lambda invocations, further requests on the JVM) get
 * the same object, and the runtime closes it ({@link AutoCloseable}) when the instance shuts down.
 *
 * <pre>{@code
 * static final Shared<Catalog> CATALOG = Shared.of("catalog", platform -> Catalog.load(platform.config("CATALOG_URL").orElseThrow()));
 *
 * public McpServer create(Platform platform) {
 *     return McpServer.create("shop", "1.0", mcp -> mcp.tool("find", t -> t.handle(call ->
 *             ToolResult.text(platform.shared(CATALOG).find(call.string("q"))))));
 * }
 * }</pre>
 *
 * <p>Creation is lazy on purpose: a request that does not need the resource does not pay for it, and a runtime that
 * snapshots its instance (Lambda SnapStart) can close it before the snapshot and make it again after restore.
 * A factory that fails is not remembered: the next use tries again, so a database that was down at the first
 * request does not poison the instance. Identity is the constant, not its name; the name is for messages.
 */
public final class Shared<T> {

    /** Makes the resource; it may read configuration and other shared resources from the platform. */
    @FunctionalInterface
    public interface Factory<T> {
        T create(Platform platform) throws Exception;
    }

    private final String name;
    private final Factory<T> factory;

    private Shared(String name, Factory<T> factory) {
        this.name = name;
        this.factory = factory;
    }

    public static <T> Shared<T> of(String name, Factory<T> factory) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(factory, "factory");
        if (name.isBlank()) throw new IllegalArgumentException("a shared resource needs a name (it appears in error messages)");
        return new Shared<>(name, factory);
    }

    public String name() {
        return name;
    }

    Factory<T> factory() {
        return factory;
    }

    @Override
    public String toString() {
        return "Shared[" + name + "]";
    }
}
