package dev.jmcp.examples.notes;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonBoolean;
import dev.jmcp.json.JsonNull;
import dev.jmcp.json.JsonNumber;
import dev.jmcp.json.JsonString;
import dev.jmcp.server.JdbcDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JVM's {@code SqlDatabase} on SQLite. It lives in the server module, but this module has the SQLite driver, so
 * its tests run here.
 */
class JdbcDatabaseTest {
    @TempDir
    Path dir;
    JdbcDatabase db;

    JdbcDatabase open() {
        db = new JdbcDatabase("jdbc:sqlite:" + dir.resolve("test.db"));
        return db;
    }

    @AfterEach
    void close() {
        if (db != null) db.close();
    }

    @Test
    void nothingIsOpenedBeforeTheFirstStatement() {
        open();
        assertThat(dir.resolve("test.db")).doesNotExist();
        assertThat(db.idleConnections()).isZero();
        db.execute("CREATE TABLE t (x INTEGER)");
        assertThat(dir.resolve("test.db")).exists();
        assertThat(db.idleConnections()).isOne();
    }

    @Test
    void rowsMapLowerCaseLabelsToJsonValues() {
        open().execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, n TEXT, big INTEGER)");
        db.execute("INSERT INTO t VALUES (?, ?, ?, ?, ?)", 42, 2.5, "text", null, Long.MAX_VALUE);
        var rows = db.query("SELECT i AS \"MixedCase\", r, s, n, big FROM t");
        var expected = new LinkedHashMap<String, Json>();
        expected.put("mixedcase", JsonNumber.of(42L));
        expected.put("r", JsonNumber.of(2.5));
        expected.put("s", new JsonString("text"));
        expected.put("n", JsonNull.NULL);
        expected.put("big", JsonNumber.of(Long.MAX_VALUE));
        assertThat(rows).containsExactly(expected);
        assertThat(rows.get(0).keySet()).as("in column order").containsExactly("mixedcase", "r", "s", "n", "big");
    }

    @Test
    void everySupportedParameterTypeBinds() {
        var row = open().query("SELECT ? AS s, ? AS i, ? AS l, ? AS d, ? AS b, ? AS nul, ? AS js, ? AS jn, ? AS jd, ? AS jb, ? AS jnull",
                "x", 7, 1L << 40, 0.25, true, null, Json.string("y"), JsonNumber.of(9L), JsonNumber.of(1.5), JsonBoolean.TRUE, JsonNull.NULL).get(0);
        assertThat(row).containsEntry("s", Json.string("x"))
                .containsEntry("i", JsonNumber.of(7L))
                .containsEntry("l", JsonNumber.of(1L << 40))
                .containsEntry("d", JsonNumber.of(0.25))
                .containsEntry("b", JsonNumber.of(1L)) // SQLite has no boolean type: true is stored as 1
                .containsEntry("nul", JsonNull.NULL)
                .containsEntry("js", Json.string("y"))
                .containsEntry("jn", JsonNumber.of(9L))
                .containsEntry("jd", JsonNumber.of(1.5))
                .containsEntry("jb", JsonNumber.of(1L))
                .containsEntry("jnull", JsonNull.NULL);
    }

    @Test
    void anUnsupportedParameterNamesItsPositionAndType() {
        assertThatThrownBy(() -> open().query("SELECT ?, ?", "ok", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 2 of SELECT ?, ? is a java.time.Instant; bind a String, Integer, Long, Double, "
                        + "Boolean, null or a JSON scalar");
        assertThatThrownBy(() -> db.query("SELECT ?", Json.object()))
                .hasMessageContaining("parameter 1").hasMessageContaining("JsonObject");
        assertThat(db.query("SELECT 1 AS one")).as("the connection went back to the pool").hasSize(1);
        assertThat(db.idleConnections()).isOne();
    }

    @Test
    void executeAnswersTheRowsChanged() {
        open().execute("CREATE TABLE t (x INTEGER)");
        assertThat(db.execute("INSERT INTO t VALUES (1), (2), (3)")).isEqualTo(3);
        assertThat(db.execute("UPDATE t SET x = x + 1 WHERE x > ?", 1)).isEqualTo(2);
        assertThat(db.execute("DELETE FROM t WHERE x = ?", 99)).isZero();
        assertThat(db.query("UPDATE t SET x = 0 WHERE x = 1 RETURNING x")).as("RETURNING through query")
                .containsExactly(Map.of("x", JsonNumber.of(0L)));
    }

    @Test
    void aFailedStatementNamesTheDatabaseMessageAndTheStatement() {
        assertThatThrownBy(() -> open().query("SELECT title\n  FROM missing_table WHERE id = ?", 1))
                .isInstanceOf(JdbcDatabase.Failure.class)
                .hasMessageStartingWith("SQL statement failed: ")
                .hasMessageContaining("no such table: missing_table")
                .hasMessageEndingWith(" in: SELECT title FROM missing_table WHERE id = ?")
                .hasCauseInstanceOf(java.sql.SQLException.class);
        assertThat(db.idleConnections()).as("a healthy connection is kept after a failed statement").isOne();
    }

    @Test
    void aLongStatementIsShownByItsFirst200Characters() {
        String sql = "SELECT " + "1 + ".repeat(100) + "nope";
        assertThatThrownBy(() -> open().query(sql))
                .hasMessageEndingWith(" in: " + sql.substring(0, 200) + "...");
    }

    @Test
    void passwordsNeverAppearInMessages() {
        var secret = new JdbcDatabase("jdbc:nosuchdb://app:s3cret@db.example/notes?ssl=true&password=s3cret", "app", "s3cret");
        assertThat(secret.toString()).isEqualTo("JdbcDatabase[jdbc:nosuchdb://app:****@db.example/notes?ssl=true&password=****]");
        assertThatThrownBy(() -> secret.query("SELECT 1"))
                .isInstanceOf(JdbcDatabase.Failure.class)
                .hasMessageStartingWith("No JDBC driver on the class path accepts jdbc:nosuchdb://app:****@db.example/")
                .hasMessageNotContaining("s3cret")
                .hasNoCause();
        var wrongPath = new JdbcDatabase("jdbc:sqlite:" + dir.resolve("no/such/dir/x.db"), "admin", "hunter2");
        assertThatThrownBy(() -> wrongPath.execute("CREATE TABLE t (x INTEGER)"))
                .hasMessageStartingWith("Cannot connect to jdbc:sqlite:")
                .hasMessageContaining(" as admin: ")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aUrlMustBeAJdbcUrl() {
        assertThatThrownBy(() -> new JdbcDatabase("postgres://u:pw@host/db?password=pw"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("JDBC URL must start with \"jdbc:\", e.g. jdbc:sqlite:data/app.db or jdbc:postgresql://host/db; "
                        + "got \"postgres://u:****@host/db?password=****\"");
    }

    @Test
    void connectionsAreReusedAndBounded() throws Exception {
        db = new JdbcDatabase("jdbc:sqlite:" + dir.resolve("test.db"), null, null, 2);
        db.execute("CREATE TABLE t (x INTEGER)");
        for (int i = 0; i < 5; i++) db.execute("INSERT INTO t VALUES (?)", i);
        assertThat(db.idleConnections()).as("one at a time needs one connection").isOne();
        try (var pool = Executors.newFixedThreadPool(8)) {
            var futures = new ArrayList<Future<?>>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) assertThat(db.query("SELECT COUNT(*) AS n FROM t")).hasSize(1);
                }));
            }
            for (Future<?> f : futures) f.get();
        }
        assertThat(db.idleConnections()).isBetween(1, 2);
    }

    @Test
    void anInMemoryDatabaseKeepsItsOneConnection() {
        db = new JdbcDatabase("jdbc:sqlite::memory:");
        assertThat(db.maxConnections()).isOne();
        db.execute("CREATE TABLE t (x INTEGER)");
        db.execute("INSERT INTO t VALUES (1)");
        assertThat(db.query("SELECT x FROM t")).containsExactly(Map.of("x", JsonNumber.of(1L)));
    }

    @Test
    void closeClosesThePoolAndRefusesFurtherStatements() {
        open().execute("CREATE TABLE t (x INTEGER)");
        db.close();
        assertThat(db.idleConnections()).isZero();
        db.close();
        assertThatThrownBy(() -> db.query("SELECT 1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("JdbcDatabase[jdbc:sqlite:" + dir.resolve("test.db") + "] is closed");
    }
}
