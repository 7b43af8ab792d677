package dev.jmcp;

import dev.jmcp.json.Json;

import java.util.List;
import java.util.Map;

/**
 * A SQL database as a platform facility: SQLite through JDBC on the JVM, D1 on Workers, PostgreSQL on Lambda and
 * Cloud Run. Statements use {@code ?} placeholders; values are bound, never spliced into the text. Write portable
 * SQL (the common subset of SQLite and PostgreSQL) to run everywhere.
 */
public interface SqlDatabase {

    /** Runs a statement that returns no rows; answers the number of rows changed. */
    long execute(String sql, Object... params);

    /** Runs a query; each row maps column labels (lower-case) to values as JSON (numbers, strings, null). */
    List<Map<String, Json>> query(String sql, Object... params);
}
