package dev.jmcp.server;

import dev.jmcp.SqlDatabase;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonBoolean;
import dev.jmcp.json.JsonNull;
import dev.jmcp.json.JsonNumber;
import dev.jmcp.json.JsonString;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM's {@link SqlDatabase}: any JDBC driver on the class path (SQLite locally, PostgreSQL in a container).
 *
 * <pre>{@code
 * try (var db = new JdbcDatabase("jdbc:sqlite:data/notes.db")) {
 *     db.execute("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, title TEXT NOT NULL)");
 *     db.execute("INSERT INTO notes (id, title) VALUES (?, ?)", 1, "Groceries");
 *     List<Map<String, Json>> rows = db.query("SELECT id, title FROM notes WHERE id = ?", 1);
 * }
 * }</pre>
 *
 * <p><b>Connections.</b> Creating one costs nothing: the first statement opens the first connection. Connections
 * are kept in a small pool (at most {@code maxConnections}, 4 by default) and reused across requests; a statement
 * that finds all of them in use waits up to 30 seconds for one, then fails with the pool's counts. A connection that
 * fails and no longer answers {@link Connection#isValid} is dropped, so a restarted database server heals on the
 * next statement. An SQLite {@code :memory:} database exists once per connection, so for such a URL the pool holds
 * exactly one connection and keeps it open.
 *
 * <p><b>Drivers.</b> A driver registered with {@link DriverManager} and visible to this class is used first.
 * Otherwise the driver is looked up as a service of the thread's context class loader when the database was
 * created: {@code DriverManager} refuses drivers its caller's class loader cannot see, and under {@code jmcp dev}
 * the driver sits in the application's class loader, below this one.
 *
 * <p><b>Values.</b> Parameters bind from {@code String}, {@code Integer}, {@code Long}, {@code Double},
 * {@code Boolean}, {@code null} and the JSON scalars. Each row maps lower-case column labels to JSON: whole numbers,
 * reals and decimals become numbers, booleans booleans, SQL NULL {@link JsonNull#NULL}, and anything else (dates,
 * UUIDs, blobs) the driver's string form.
 *
 * <p><b>Errors.</b> A failing statement throws {@link Failure}, whose message names the database's message and the
 * statement (its first 200 characters). Messages never carry the password, even when it is part of the URL.
 */
public final class JdbcDatabase implements SqlDatabase, AutoCloseable {
    public static final int DEFAULT_MAX_CONNECTIONS = 4;
    private static final long BORROW_TIMEOUT_MILLIS = 30_000;
    private static final int VALID_CHECK_SECONDS = 2;
    private static final int SQL_SHOWN = 200;
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([?&;]password=)([^&;]*)");
    private static final Pattern URL_USERINFO = Pattern.compile("(//[^/:@]*:)([^/@]*)(@)");

    private final String url;
    private final String user;
    private final String password;
    private final int maxConnections;
    private final List<String> secrets;
    private final Semaphore permits;
    private final ClassLoader loader;
    private volatile Driver driver;
    private final ConcurrentLinkedDeque<Idle> idle = new ConcurrentLinkedDeque<>();
    private final AtomicLong opened = new AtomicLong();
    private volatile long validateAfterIdleMillis = Long.MAX_VALUE;
    private volatile boolean closed;

    /**
     * A pooled connection and since when it has waited, by the wall clock: a frozen or snapshotted VM's monotonic
     * clock may not advance while it is paused, the wall clock is set right again on resume.
     */
    private record Idle(Connection connection, long sinceMillis) {
    }

    /** A database reached with credentials in the URL, or none (SQLite). */
    public JdbcDatabase(String url) {
        this(url, null, null, DEFAULT_MAX_CONNECTIONS);
    }

    public JdbcDatabase(String url, String user, String password) {
        this(url, user, password, DEFAULT_MAX_CONNECTIONS);
    }

    /**
     * @param user           null to leave it to the URL
     * @param password       null to leave it to the URL
     * @param maxConnections how many connections may be open at once, at least 1
     */
    public JdbcDatabase(String url, String user, String password, int maxConnections) {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("JDBC URL must start with \"jdbc:\", e.g. jdbc:sqlite:data/app.db or "
                    + "jdbc:postgresql://host/db; got \"" + redact(url, List.of()) + "\"");
        }
        if (maxConnections < 1) throw new IllegalArgumentException("maxConnections < 1: " + maxConnections);
        this.url = url;
        this.user = user;
        this.password = password;
        this.maxConnections = isSqliteMemory(url) ? 1 : maxConnections;
        this.secrets = secretsOf(url, password);
        this.permits = new Semaphore(this.maxConnections, true);
        this.loader = Thread.currentThread().getContextClassLoader();
    }

    /** The URL with any password in it replaced by {@code ****}. */
    public String url() {
        return redact(url, secrets);
    }

    public int maxConnections() {
        return maxConnections;
    }

    /**
     * Checks a pooled connection that has waited longer than this with {@link Connection#isValid} (one round trip)
     * before a statement uses it, and replaces it when it is dead. For runtimes whose process is frozen between
     * requests (AWS Lambda): the database or a NAT in between may have dropped the connection meanwhile, and without
     * the check the first statement after a long pause would fail. Returns this database.
     */
    public JdbcDatabase validateAfterIdle(java.time.Duration idleTime) {
        this.validateAfterIdleMillis = idleTime.toMillis();
        return this;
    }

    /** How many connections this database has opened so far (reuse keeps it low). */
    public long connectionsOpened() {
        return opened.get();
    }

    /** Connections open and waiting for the next statement. */
    public int idleConnections() {
        return idle.size();
    }

    @Override
    public long execute(String sql, Object... params) {
        return run(sql, params, statement -> {
            if (statement.execute()) return 0L; // it returned rows after all (e.g. RETURNING): nothing was counted
            return (long) Math.max(statement.getUpdateCount(), 0);
        });
    }

    @Override
    public List<Map<String, Json>> query(String sql, Object... params) {
        return run(sql, params, statement -> {
            var rows = new ArrayList<Map<String, Json>>();
            if (!statement.execute()) return rows;
            try (ResultSet rs = statement.getResultSet()) {
                ResultSetMetaData meta = rs.getMetaData();
                int columns = meta.getColumnCount();
                var labels = new String[columns];
                for (int i = 0; i < columns; i++) labels[i] = meta.getColumnLabel(i + 1).toLowerCase(Locale.ROOT);
                while (rs.next()) {
                    var row = new LinkedHashMap<String, Json>(columns * 2);
                    for (int i = 0; i < columns; i++) row.put(labels[i], value(rs, i + 1));
                    rows.add(row);
                }
            }
            return rows;
        });
    }

    /** Closes every pooled connection; connections in use close when their statement ends. Idempotent. */
    @Override
    public void close() {
        closed = true;
        Idle c;
        while ((c = idle.poll()) != null) closeQuietly(c.connection());
    }

    @Override
    public String toString() {
        return "JdbcDatabase[" + url() + "]";
    }

    // ---- statements -------------------------------------------------------------------------------------------

    private interface Work<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private <T> T run(String sql, Object[] params, Work<T> work) {
        Objects.requireNonNull(sql, "sql");
        Connection connection = borrow();
        boolean healthy = true;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, sql, params);
            return work.run(statement);
        } catch (SQLException e) {
            healthy = isValid(connection);
            throw new Failure("SQL statement failed: " + redact(String.valueOf(e.getMessage()), secrets) + state(e)
                    + " in: " + shorten(sql), e.getSQLState(), chainable(e));
        } finally {
            release(connection, healthy);
        }
    }

    private static void bind(PreparedStatement statement, String sql, Object[] params) throws SQLException {
        if (params == null) return;
        for (int i = 0; i < params.length; i++) {
            int index = i + 1;
            switch (params[i]) {
                case null -> statement.setNull(index, Types.NULL);
                case String s -> statement.setString(index, s);
                case Integer n -> statement.setInt(index, n);
                case Long n -> statement.setLong(index, n);
                case Double d -> statement.setDouble(index, d);
                case Boolean b -> statement.setBoolean(index, b);
                case JsonNull n -> statement.setNull(index, Types.NULL);
                case JsonString s -> statement.setString(index, s.value());
                case JsonBoolean b -> statement.setBoolean(index, b.value());
                case JsonNumber n when n.fitsLong() -> statement.setLong(index, n.longValue());
                case JsonNumber n -> statement.setDouble(index, n.doubleValue());
                default -> throw new IllegalArgumentException("parameter " + index + " of " + shorten(sql) + " is a "
                        + params[i].getClass().getName() + "; bind a String, Integer, Long, Double, Boolean, null or a JSON scalar");
            }
        }
    }

    private static Json value(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        return switch (value) {
            case null -> JsonNull.NULL;
            case Integer n -> JsonNumber.of(n.longValue());
            case Long n -> JsonNumber.of(n);
            case Short n -> JsonNumber.of(n.longValue());
            case Byte n -> JsonNumber.of(n.longValue());
            case BigInteger n -> JsonNumber.of(new BigDecimal(n));
            case Double d -> finite(d, rs, column);
            case Float f -> finite(f.doubleValue(), rs, column);
            case BigDecimal d -> JsonNumber.of(d);
            case String s -> new JsonString(s);
            case Boolean b -> JsonBoolean.of(b);
            default -> {
                String text = rs.getString(column);
                yield text == null ? JsonNull.NULL : new JsonString(text);
            }
        };
    }

    /** NaN and infinities have no JSON number; they come back as the driver's text, e.g. "NaN". */
    private static Json finite(double d, ResultSet rs, int column) throws SQLException {
        return Double.isFinite(d) ? JsonNumber.of(d) : new JsonString(rs.getString(column));
    }

    // ---- the pool ---------------------------------------------------------------------------------------------

    private Connection borrow() {
        if (closed) throw new IllegalStateException(this + " is closed");
        try {
            if (!permits.tryAcquire(BORROW_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new Failure("Timed out after " + BORROW_TIMEOUT_MILLIS + " ms waiting for a connection to "
                        + url() + ": all " + maxConnections + " are in use (" + permits.getQueueLength()
                        + " more statements waiting). Long statements or a slow database hold them.", null, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a connection to " + url(), e);
        }
        try {
            for (Idle pooled; (pooled = idle.pollFirst()) != null; ) {
                if (System.currentTimeMillis() - pooled.sinceMillis() <= validateAfterIdleMillis || isValid(pooled.connection())) {
                    return pooled.connection();
                }
                closeQuietly(pooled.connection());   // died while it waited
            }
            return open();
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    private void release(Connection connection, boolean healthy) {
        try {
            if (healthy && !closed) {
                var entry = new Idle(connection, System.currentTimeMillis());
                idle.addFirst(entry); // most recently used first: idle ones at the tail may time out server-side
                if (closed && idle.remove(entry)) closeQuietly(connection); // lost a race with close()
            } else {
                closeQuietly(connection);
            }
        } finally {
            permits.release();
        }
    }

    private Connection open() {
        Driver d = driver;
        if (d == null) {
            d = findDriver(url, loader);
            if (d == null) {
                throw new Failure("No JDBC driver on the class path accepts " + url() + "; add one as a runtime dependency "
                        + "(org.xerial:sqlite-jdbc for jdbc:sqlite:, org.postgresql:postgresql for jdbc:postgresql:)", null, null);
            }
            driver = d;
        }
        var properties = new Properties();
        if (user != null) properties.setProperty("user", user);
        if (password != null) properties.setProperty("password", password);
        try {
            Connection connection = d.connect(url, properties);
            if (connection == null) throw new SQLException(d.getClass().getName() + " does not accept this URL");
            opened.incrementAndGet();
            return connection;
        } catch (SQLException e) {
            throw new Failure("Cannot connect to " + url() + (user != null ? " as " + user : "") + ": "
                    + redact(String.valueOf(e.getMessage()), secrets) + state(e),
                    e.getSQLState(), chainable(e));
        }
    }

    /** The driver for a URL: from {@link DriverManager}, else a service of the given class loader; null when none. */
    public static Driver findDriver(String url, ClassLoader loader) {
        try {
            return DriverManager.getDriver(url);
        } catch (SQLException e) {
            // none registered, or registered from a class loader this class cannot see: look below
        }
        if (loader == null) return null;
        var drivers = ServiceLoader.load(Driver.class, loader).iterator();
        for (int i = 0; i < 1000; i++) { // bounded: a broken provider may fail on every step
            try {
                if (!drivers.hasNext()) return null;
                Driver candidate = drivers.next();
                if (candidate.acceptsURL(url)) return candidate;
            } catch (ServiceConfigurationError | SQLException e) {
                // a provider that cannot load or answer: try the next one
            }
        }
        return null;
    }

    private static boolean isValid(Connection connection) {
        try {
            return !connection.isClosed() && connection.isValid(VALID_CHECK_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection is being dropped; there is nothing left to do with it
        }
    }

    // ---- messages ---------------------------------------------------------------------------------------------

    private static boolean isSqliteMemory(String url) {
        return url.startsWith("jdbc:sqlite:") && url.contains(":memory:");
    }

    private static List<String> secretsOf(String url, String password) {
        var secrets = new ArrayList<String>(2);
        if (password != null && !password.isEmpty()) secrets.add(password);
        for (Pattern p : List.of(URL_PASSWORD, URL_USERINFO)) {
            Matcher m = p.matcher(url);
            while (m.find()) {
                if (!m.group(2).isEmpty()) secrets.add(m.group(2));
            }
        }
        return List.copyOf(secrets);
    }

    private static String redact(String text, List<String> secrets) {
        String out = URL_USERINFO.matcher(URL_PASSWORD.matcher(text).replaceAll("$1****")).replaceAll("$1****$3");
        for (String secret : secrets) out = out.replace(secret, "****");
        return out;
    }

    /** The driver's exception as a cause, unless its text (or its causes') would reveal the password. */
    private SQLException chainable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            for (String secret : secrets) {
                if (message.contains(secret)) return null;
            }
        }
        return e;
    }

    private static String state(SQLException e) {
        return e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]";
    }

    private static String shorten(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() <= SQL_SHOWN ? flat : flat.substring(0, SQL_SHOWN) + "...";
    }

    /** A statement, a connection or the pool failed; {@link #sqlState()} is the driver's code when it gave one. */
    public static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String sqlState;

        Failure(String message, String sqlState, Throwable cause) {
            super(message, cause);
            this.sqlState = sqlState;
        }

        /** The SQLState, e.g. {@code 23505} for a unique violation in PostgreSQL; null when unknown. */
        public String sqlState() {
            return sqlState;
        }
    }
}
