package dev.jmcp.lambda;

import dev.jmcp.McpApplication;
import dev.jmcp.McpServer;
import dev.jmcp.Shared;
import dev.jmcp.server.JvmEnv;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One Lambda instance's application: made once at init, then it serves every event the instance gets. Both ways of
 * running use it: {@link McpRequestHandler} (the managed Java runtime) and {@link RuntimeMain} (our own runtime
 * client on {@code provided.al2023}).
 *
 * <p>The application is named by {@value #APPLICATION_ENV} (a class implementing {@link McpApplication}), or by
 * the resource {@value #DESCRIPTOR} that {@code jmcp build --target aws-lambda} writes into the package
 * ({@code application=...}, {@code name=...}). The environment wins, so one package can be pointed elsewhere.
 */
public final class LambdaInstance implements AutoCloseable {
    public static final String APPLICATION_ENV = "JMCP_APPLICATION";
    public static final String NAME_ENV = "JMCP_APP_NAME";
    public static final String DESCRIPTOR = "META-INF/jmcp/lambda.properties";

    private final String name;
    private final LambdaPlatform platform;
    private final LambdaEndpoint endpoint;

    LambdaInstance(String name, McpApplication application, Map<String, String> environment) {
        this.name = name;
        this.platform = new LambdaPlatform(name, environment);
        McpServer server = application.create(platform);
        this.endpoint = LambdaEndpoint.of(server, LambdaEndpoint.options(environment).build(), JvmEnv.INSTANCE);
    }

    /** The application the environment or the package's descriptor names; every mistake gets a message that says so. */
    public static LambdaInstance fromEnvironment(Map<String, String> environment) {
        Properties descriptor = descriptor();
        String className = first(environment.get(APPLICATION_ENV), descriptor.getProperty("application"));
        if (className == null) {
            throw new IllegalStateException("no application: set " + APPLICATION_ENV + " to the class that implements "
                    + "dev.jmcp.McpApplication, or build the package with `jmcp build --target aws-lambda` (it writes " + DESCRIPTOR + ")");
        }
        String name = first(environment.get(NAME_ENV), descriptor.getProperty("name"), environment.get("AWS_LAMBDA_FUNCTION_NAME"), "app");
        return new LambdaInstance(name, instantiate(className), environment);
    }

    public String name() {
        return name;
    }

    public LambdaEndpoint endpoint() {
        return endpoint;
    }

    public LambdaPlatform platform() {
        return platform;
    }

    /** Sends the {@link Priming} events through the endpoint; answers how many were answered with a 2xx. */
    public int prime() {
        int ok = 0;
        long deadline = System.currentTimeMillis() + 10_000;
        for (byte[] event : Priming.events()) {
            byte[] response = endpoint.invoke(event, deadline);
            if (new String(response, 0, Math.min(response.length, 20), java.nio.charset.StandardCharsets.US_ASCII).startsWith("{\"statusCode\":2")) ok++;
        }
        return ok;
    }

    /**
     * Closes the shared resources before a snapshot and answers which existed, so {@link #reopen} can make them again
     * after restore: a snapshot must not carry open connections, which would be shared by every restored copy.
     */
    List<Shared<?>> releaseForSnapshot() {
        var existed = platform.sharedResources().createdResources();
        for (Exception failure : platform.sharedResources().release()) log(Level.WARNING, failure.getMessage(), failure);
        return existed;
    }

    /**
     * Makes the given shared resources again, and connects the database if it was among them (a JdbcDatabase opens
     * its connection at the first statement, which would otherwise be the first request's). A failure is logged and
     * left for the first request to retry.
     */
    void reopen(List<Shared<?>> resources) {
        for (Shared<?> resource : resources) {
            try {
                Object made = platform.shared(resource);
                if (resource == LambdaPlatform.DATABASE) ((dev.jmcp.SqlDatabase) made).query("SELECT 1");
            } catch (RuntimeException e) {
                log(Level.WARNING, "jmcp: reopening \"" + resource.name() + "\" after restore failed; the first request will retry: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        platform.close();
    }

    static McpApplication instantiate(String className) {
        try {
            Class<?> type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
            if (!McpApplication.class.isAssignableFrom(type)) {
                throw new IllegalStateException(className + " does not implement dev.jmcp.McpApplication");
            }
            return (McpApplication) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("application class " + className + " is not in the package (" + APPLICATION_ENV + " or " + DESCRIPTOR + ")", e);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(className + " needs a public no-argument constructor", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + className + ": " + e, e);
        }
    }

    private static Properties descriptor() {
        var properties = new Properties();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) loader = LambdaInstance.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(DESCRIPTOR)) {
            if (in != null) properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DESCRIPTOR + ": " + e.getMessage(), e);
        }
        return properties;
    }

    private static String first(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v.trim();
        return null;
    }

    static void log(Level level, String message, Throwable error) {
        System.getLogger("dev.jmcp.lambda").log(level, message, error);
    }
}
