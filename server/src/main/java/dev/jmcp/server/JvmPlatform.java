package dev.jmcp.server;

import dev.jmcp.KeyValueCache;
import dev.jmcp.Platform;
import dev.jmcp.Shared;
import dev.jmcp.SharedResources;
import dev.jmcp.SqlDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the JVM runtime offers an application: configuration from environment variables, a {@link SqlDatabase}
 * over JDBC and a {@link KeyValueCache} in memory ({@link MemoryKeyValueCache}, made on first use).
 *
 * <pre>{@code
 * try (var platform = new JvmPlatform("notes")) {                 // reads System.getenv()
 *     McpServer server = new NotesApp().create(platform);
 *     ...
 * }
 * }</pre>
 *
 * <p>The database is chosen on the first {@code facility(SqlDatabase.class)}, once:
 * <ol>
 *   <li>{@value #DATABASE_URL}, when set: that JDBC URL, with {@value #DATABASE_USER} and
 *       {@value #DATABASE_PASSWORD} when set (its driver must be on the class path);</li>
 *   <li>otherwise, when the SQLite driver is on the class path, the file {@code <appName>.db} in
 *       {@value #DATA_DIR} (default {@code ./data}, created if missing);</li>
 *   <li>otherwise none.</li>
 * </ol>
 * Choosing opens nothing: the first statement opens the first connection. {@link #close()} closes the database and
 * the application's {@link Shared} resources, which live as long as this platform.
 */
public final class JvmPlatform implements Platform, AutoCloseable {
    public static final String DATABASE_URL = "JMCP_DATABASE_URL";
    public static final String DATABASE_USER = "JMCP_DATABASE_USER";
    public static final String DATABASE_PASSWORD = "JMCP_DATABASE_PASSWORD";
    public static final String DATA_DIR = "JMCP_DATA_DIR";
    private static final Pattern APP_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final String appName;
    private final Map<String, String> config;
    private JdbcDatabase database;
    private boolean databaseChosen;
    private boolean closed;
    private final SharedResources shared = new SharedResources();

    /** Configuration from the process environment. */
    public JvmPlatform(String appName) {
        this(appName, System.getenv());
    }

    /**
     * @param appName names the default SQLite file; letters, digits, {@code . _ -}
     * @param config  the configuration values, e.g. {@code System.getenv()}; copied
     */
    public JvmPlatform(String appName, Map<String, String> config) {
        Objects.requireNonNull(appName, "appName");
        if (!APP_NAME.matcher(appName).matches()) {
            throw new IllegalArgumentException("application name \"" + appName + "\" must be 1 to 100 characters from "
                    + "A-Z a-z 0-9 . _ - and start with a letter or digit (it names the database file)");
        }
        this.appName = appName;
        this.config = Map.copyOf(Objects.requireNonNull(config, "config"));
    }

    @Override
    public String runtime() {
        return "jvm";
    }

    @Override
    public Optional<String> config(String name) {
        return Optional.ofNullable(config.get(name));
    }

    @Override
    public <T> Optional<T> facility(Class<T> type) {
        if (type == SqlDatabase.class) return Optional.ofNullable(database()).map(type::cast);
        if (type == KeyValueCache.class) return Optional.of(type.cast(shared(MemoryKeyValueCache.SHARED)));
        return Optional.empty();
    }

    @Override
    public <T> T shared(Shared<T> resource) {
        return shared.get(resource, this);
    }

    /** As {@link Platform#require}, with a message that says how to provide the facility on the JVM. */
    @Override
    public <T> T require(Class<T> type) {
        return facility(type).orElseThrow(() -> new IllegalStateException(type == SqlDatabase.class
                ? "The jvm runtime has no SqlDatabase: set " + DATABASE_URL + " to a JDBC URL (and put its driver on the "
                  + "class path), or add org.xerial:sqlite-jdbc to use a local SQLite file in " + DATA_DIR + " (default ./data)"
                : "The jvm runtime provides no " + type.getSimpleName() + "; it offers SqlDatabase and KeyValueCache"));
    }

    /** Closes the shared resources and the database, if one was chosen. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        try {
            shared.close();
        } finally {
            if (database != null) database.close();
        }
    }

    private synchronized JdbcDatabase database() {
        if (closed) throw new IllegalStateException("this JvmPlatform is closed");
        if (!databaseChosen) {
            database = chooseDatabase();
            databaseChosen = true;
        }
        return database;
    }

    private JdbcDatabase chooseDatabase() {
        String url = setting(DATABASE_URL);
        if (url != null) {
            if (!url.startsWith("jdbc:")) {
                throw new IllegalStateException(DATABASE_URL + " must be a JDBC URL such as jdbc:postgresql://host:5432/db; "
                        + "it starts with \"" + url.substring(0, Math.min(url.length(), 12)) + "\"");
            }
            return new JdbcDatabase(url, setting(DATABASE_USER), setting(DATABASE_PASSWORD));
        }
        if (!hasSqliteDriver()) return null;
        Path dir = Path.of(Optional.ofNullable(setting(DATA_DIR)).orElse("data")).toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dir + " for " + appName + ".db; set "
                    + DATA_DIR + " to a writable directory", e);
        }
        return new JdbcDatabase("jdbc:sqlite:" + dir.resolve(appName + ".db"));
    }

    private String setting(String name) {
        String value = config.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Also sees a driver that only the context class loader holds (an application's, under {@code jmcp dev}). */
    private static boolean hasSqliteDriver() {
        return JdbcDatabase.findDriver("jdbc:sqlite:", Thread.currentThread().getContextClassLoader()) != null;
    }
}
