package dev.jmcp.workers;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonNull;
import dev.jmcp.json.JsonNumber;
import dev.jmcp.json.JsonObject;
import dev.jmcp.json.JsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Java half of D1Database: what it sends and how it reads D1's answers. The other half (jmcp-jspi.mjs, D1 itself,
 * JSPI) runs in workerd in scripts/test-workers-d1.sh.
 */
class D1DatabaseTest {
    private final List<String> sent = new ArrayList<>();
    private Connection sqlite;

    @AfterEach
    void close() throws SQLException {
        if (sqlite != null) sqlite.close();
    }

    /** Answers as jmcp-jspi.mjs does, from SQLite (D1's engine) through JDBC. */
    private D1Database sqliteBacked() throws SQLException {
        sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
        return new D1Database("DB", request -> {
            sent.add(request);
            JsonObject r = Json.parse(request).asObject();
            try (PreparedStatement s = sqlite.prepareStatement(r.string("sql"))) {
                var params = r.array("params").items();
                for (int i = 0; i < params.size(); i++) {
                    Json p = params.get(i);
                    if (p instanceof JsonNumber n && n.fitsLong()) s.setLong(i + 1, n.longValue());
                    else if (p instanceof JsonNumber n) s.setDouble(i + 1, n.doubleValue());
                    else if (p instanceof JsonString t) s.setString(i + 1, t.value());
                    else s.setObject(i + 1, null);
                }
                if (!r.bool("rows")) {
                    boolean rows = s.execute();
                    return Json.write(Json.object("changes", rows ? 0 : Math.max(s.getUpdateCount(), 0)));
                }
                var rows = new ArrayList<Json>();
                if (s.execute()) {
                    try (ResultSet rs = s.getResultSet()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            var row = JsonObject.builder();
                            for (int c = 1; c <= columns; c++) {
                                Object v = rs.getObject(c);
                                row.put(rs.getMetaData().getColumnLabel(c), v == null ? JsonNull.NULL : Json.of(v));
                            }
                            rows.add(row.build());
                        }
                    }
                }
                return Json.write(Json.object("rows", Json.array(rows)));
            } catch (SQLException e) {
                return Json.write(Json.object("error", "D1_ERROR: " + e.getMessage()));
            }
        });
    }

    @Test
    void writesAndReadsBackThroughStatements() throws SQLException {
        D1Database db = sqliteBacked();
        assertThat(db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, Title TEXT NOT NULL, score REAL, flag INTEGER)")).isZero();
        assertThat(db.execute("INSERT INTO notes (id, Title, score, flag) VALUES (?, ?, ?, ?)", 7L, "Groceries", 1.5, true)).isEqualTo(1);
        assertThat(db.execute("INSERT INTO notes (id, Title, score, flag) VALUES (?, ?, ?, ?)", 8, "Books", null, false)).isEqualTo(1);

        List<Map<String, Json>> rows = db.query("SELECT id, Title, score, flag FROM notes ORDER BY id");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsOnlyKeys("id", "title", "score", "flag"); // labels lower-cased, as JdbcDatabase does
        assertThat(rows.get(0).get("id").asNumber().longValue()).isEqualTo(7);
        assertThat(rows.get(0).get("title").asString()).isEqualTo("Groceries");
        assertThat(rows.get(0).get("score").asNumber().doubleValue()).isEqualTo(1.5);
        assertThat(rows.get(0).get("flag").asNumber().longValue()).isEqualTo(1); // a Boolean binds as 1, as SQLite stores it
        assertThat(rows.get(1).get("score")).isEqualTo(JsonNull.NULL);
        assertThat(rows.get(1).get("flag").asNumber().longValue()).isZero();

        assertThat(db.query("UPDATE notes SET score = 2 WHERE id = ? RETURNING id", 7)).hasSize(1);
        assertThat(db.execute("DELETE FROM notes WHERE id > ?", 100)).isZero();
    }

    @Test
    void sendsSqlParamsAndWhetherRowsAreWanted() throws SQLException {
        D1Database db = sqliteBacked();
        db.execute("CREATE TABLE t (a TEXT)");
        db.query("SELECT ? AS a, ? AS b, ? AS c", "x\"y", 3, JsonNull.NULL);
        JsonObject last = Json.parse(sent.get(sent.size() - 1)).asObject();
        assertThat(last.string("sql")).isEqualTo("SELECT ? AS a, ? AS b, ? AS c");
        assertThat(last.array("params").items()).containsExactly(new JsonString("x\"y"), JsonNumber.of(3L), JsonNull.NULL);
        assertThat(last.bool("rows")).isTrue();
        assertThat(Json.parse(sent.get(0)).asObject().bool("rows")).isFalse();
    }

    @Test
    void d1ErrorBecomesFailureNamingReasonAndStatement() throws SQLException {
        D1Database db = sqliteBacked();
        assertThatThrownBy(() -> db.query("SELECT * FROM missing_table WHERE id = ?", 1))
                .isInstanceOf(D1Database.Failure.class)
                .hasMessageStartingWith("D1 statement failed: D1_ERROR: ")
                .hasMessageContaining("no such table: missing_table")
                .hasMessageEndingWith(" in: SELECT * FROM missing_table WHERE id = ?");
    }

    @Test
    void refusesParametersD1CannotCarryExactly() {
        var db = new D1Database("DB", request -> {
            throw new AssertionError("nothing may be sent");
        });
        assertThatThrownBy(() -> db.execute("INSERT INTO t VALUES (?)", 1L << 53))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter 1 of INSERT INTO t VALUES (?) is 9007199254740992")
                .hasMessageContaining("bind it as a String");
        assertThatThrownBy(() -> db.execute("INSERT INTO t VALUES (?, ?)", 1, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter 2 of INSERT INTO t VALUES (?, ?) is NaN");
        assertThatThrownBy(() -> db.execute("INSERT INTO t VALUES (?)", new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is a java.lang.Object; bind a String, Integer, Long, Double, Boolean, null or a JSON scalar");
    }

    @Test
    void largestExactIntegersStillBind() {
        var seen = new ArrayList<String>();
        var db = new D1Database("DB", request -> {
            seen.add(request);
            return "{\"changes\":1}";
        });
        db.execute("INSERT INTO t VALUES (?, ?)", D1Database.MAX_SAFE_INTEGER, -D1Database.MAX_SAFE_INTEGER);
        assertThat(seen.get(0)).contains("[9007199254740991,-9007199254740991]");
    }

    @Test
    void answersWithoutCountOrRowsAreHandled() {
        var noCount = new D1Database("DB", request -> "{}");
        assertThat(noCount.execute("CREATE TABLE t (a)")).isZero();
        assertThatThrownBy(() -> noCount.query("SELECT 1"))
                .isInstanceOf(D1Database.Failure.class)
                .hasMessage("D1 answered without rows for: SELECT 1");
    }

    @Test
    void longStatementsAreShortenedInMessages() {
        var db = new D1Database("DB", request -> "{\"error\":\"D1_ERROR: too big\"}");
        String sql = "SELECT " + "x, ".repeat(100) + "y FROM t";
        assertThatThrownBy(() -> db.query(sql))
                .hasMessageEndingWith("...")
                .hasMessageContaining("D1 statement failed: D1_ERROR: too big in: SELECT x, x,");
        assertThat(db).hasToString("D1Database[DB]");
    }
}
