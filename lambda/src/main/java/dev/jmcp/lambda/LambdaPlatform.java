package dev.jmcp.lambda;

import dev.jmcp.KeyValueCache;
import dev.jmcp.Platform;
import dev.jmcp.Shared;
import dev.jmcp.SharedResources;
import dev.jmcp.SqlDatabase;
import dev.jmcp.json.Json;
import dev.jmcp.server.JdbcDatabase;
import dev.jmcp.server.MemoryKeyValueCache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What AWS Lambda offers an application: configuration from the function's environment variables, {@link Shared}
 * resources that live as long as the instance (made on first use, reused by warm invocations, closed at shutdown
 * or before a SnapStart snapshot), a {@link KeyValueCache} in the instance's memory ({@link MemoryKeyValueCache}; each
 * instance has its own) and a {@link SqlDatabase}:
 * <ol>
 *   <li>{@value #DATABASE_URL} set (e.g. {@code jdbc:postgresql://db.example:5432/notes}): that database, with
 *       {@value #DATABASE_USER} and {@value #DATABASE_PASSWORD}; its driver must be in the package;</li>
 *   <li>otherwise, when the SQLite driver is in the package, {@code <app>.db} in {@value #DATA_DIR} (default
 *       {@code /tmp/jmcp}, the only writable place on Lambda; it lives and dies with the instance, so this suits
 *       trying things out, not keeping data);</li>
 *   <li>otherwise none.</li>
 * </ol>
 *
 * <p><b>The connection pool is one connection.</b> Lambda gives an instance one request at a time, so a second
 * connection would never be used, and every instance's connection counts against the database's limit. There is
 * no pool library: HikariCP's housekeeping thread and timers do not run while Lambda freezes the instance, and
 * their idle timeouts and keep-alives would fire in bursts after a thaw. Instead, {@link JdbcDatabase} keeps the
 * connection between invocations and checks it with {@code isValid} (one round trip) after it has been idle for
 * {@value #VALIDATE_AFTER_IDLE_SECONDS} s, reconnecting when the database or a NAT dropped it while the instance
 * was frozen. {@value #DATABASE_MAX_CONNECTIONS} raises the count for handlers that run queries in parallel.
 */
public final class LambdaPlatform implements Platform, AutoCloseable {
    public static final String DATABASE_URL = "JMCP_DATABASE_URL";
    public static final String DATABASE_USER = "JMCP_DATABASE_USER";
    public static final String DATABASE_PASSWORD = "JMCP_DATABASE_PASSWORD";
    public static final String DATABASE_MAX_CONNECTIONS = "JMCP_DATABASE_MAX_CONNECTIONS";
    public static final String DATA_DIR = "JMCP_DATA_DIR";
    static final int VALIDATE_AFTER_IDLE_SECONDS = 10;

    /** The configured database, one per instance. */
    static final Shared<JdbcDatabase> DATABASE = Shared.of("jmcp SQL database", platform -> ((LambdaPlatform) platform).openDatabase());

    private final String appName;
    private final Map<String, String> config;
    private final SharedResources shared = new SharedResources();

    /**
     * What applications hold: it asks for the shared database at each statement, so an application that keeps it
     * from {@code create} still reaches the new connection after a SnapStart restore or a reconnect.
     */
    private final SqlDatabase database = new SqlDatabase() {
        @Override
        public long execute(String sql, Object... params) {
            return shared(DATABASE).execute(sql, params);
        }

        @Override
        public List<Map<String, Json>> query(String sql, Object... params) {
            return shared(DATABASE).query(sql, params);
        }

        @Override
        public String toString() {
            return "the aws-lambda SqlDatabase";
        }
    };

    public LambdaPlatform(String appName, Map<String, String> config) {
        this.appName = Objects.requireNonNull(appName, "appName");
        this.config = Map.copyOf(config);
    }

    @Override
    public String runtime() {
        return "aws-lambda";
    }

    @Override
    public Optional<String> config(String name) {
        return Optional.ofNullable(config.get(name));
    }

    @Override
    public <T> Optional<T> facility(Class<T> type) {
        if (type == SqlDatabase.class && hasDatabase()) return Optional.of(type.cast(database));
        if (type == KeyValueCache.class) return Optional.of(type.cast(shared(MemoryKeyValueCache.SHARED))); // warm invocations see earlier puts
        return Optional.empty();
    }

    @Override
    public <T> T require(Class<T> type) {
        return facility(type).orElseThrow(() -> new IllegalStateException(type == SqlDatabase.class
                ? "The aws-lambda runtime has no SqlDatabase: set " + DATABASE_URL + " (with " + DATABASE_USER + " and "
                  + DATABASE_PASSWORD + ") and package its JDBC driver, e.g. org.postgresql:postgresql"
                : "The aws-lambda runtime provides no " + type.getSimpleName() + "; it offers SqlDatabase and KeyValueCache"));
    }

    @Override
    public <T> T shared(Shared<T> resource) {
        return shared.get(resource, this);
    }

    /** The instance's shared resources, for the SnapStart hooks. */
    SharedResources sharedResources() {
        return shared;
    }

    /** Closes every shared resource (the database among them). */
    @Override
    public void close() {
        shared.close();
    }

    /**
     * Looks for the SQLite driver's class file instead of asking {@code DriverManager}: that would load and
     * initialise every JDBC driver in the package during init, which is the application's {@code create} and so
     * part of every cold start.
     */
    private boolean hasDatabase() {
        if (setting(DATABASE_URL) != null) return true;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) loader = LambdaPlatform.class.getClassLoader();
        return loader.getResource("org/sqlite/JDBC.class") != null;
    }

    private JdbcDatabase openDatabase() {
        String url = setting(DATABASE_URL);
        if (url != null) {
            if (!url.startsWith("jdbc:")) {
                throw new IllegalStateException(DATABASE_URL + " must be a JDBC URL such as jdbc:postgresql://host:5432/db; it starts with \""
                        + url.substring(0, Math.min(url.length(), 12)) + "\"");
            }
            int max = maxConnections();
            return new JdbcDatabase(url, setting(DATABASE_USER), setting(DATABASE_PASSWORD), max)
                    .validateAfterIdle(Duration.ofSeconds(VALIDATE_AFTER_IDLE_SECONDS));
        }
        Path dir = Path.of(Optional.ofNullable(setting(DATA_DIR)).orElse("/tmp/jmcp"));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + " for the SQLite file; set " + DATA_DIR + " to a writable directory", e);
        }
        return new JdbcDatabase("jdbc:sqlite:" + dir.resolve(appName + ".db"), null, null, 1);
    }

    private int maxConnections() {
        String value = setting(DATABASE_MAX_CONNECTIONS);
        if (value == null) return 1;
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= 100) return n;
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalStateException(DATABASE_MAX_CONNECTIONS + " must be a whole number from 1 to 100, got \"" + value + "\"");
    }

    private String setting(String name) {
        String value = config.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
