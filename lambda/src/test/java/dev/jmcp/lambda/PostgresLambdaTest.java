package dev.jmcp.lambda;

import dev.jmcp.McpApplication;
import dev.jmcp.McpServer;
import dev.jmcp.SqlDatabase;
import dev.jmcp.ToolResult;
import dev.jmcp.examples.notes.NotesApp;
import dev.jmcp.json.Json;
import dev.jmcp.server.JdbcDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Lambda platform against a real PostgreSQL that this test starts (scripts/postgres.sh: Debian's package, a
 * throwaway data folder, loopback, a free port): the connection is opened once per instance and reused by every
 * invocation, each instance has its own, SnapStart's hooks close and reopen it, and the notes example keeps its
 * notes there. Set -Djmcp.skipPostgres=true to leave it out where PostgreSQL cannot be installed.
 */
class PostgresLambdaTest {
    static String port;
    static String dataDir;
    static String url;

    @BeforeAll
    static void startPostgres() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(Boolean.getBoolean("jmcp.skipPostgres"), "-Djmcp.skipPostgres=true");
        Path script = Path.of("..", "scripts", "postgres.sh").toAbsolutePath().normalize();
        Process p = new ProcessBuilder(script.toString(), "start").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException("scripts/postgres.sh start failed (exit " + p.exitValue() + "): " + out);
        for (String line : out.split("\n")) {
            if (line.startsWith("PGPORT=")) port = line.substring(7).trim();
            if (line.startsWith("PGDATA_DIR=")) dataDir = line.substring(11).trim();
        }
        url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (dataDir == null) return;
        Path script = Path.of("..", "scripts", "postgres.sh").toAbsolutePath().normalize();
        new ProcessBuilder(script.toString(), "stop", dataDir).inheritIO().start().waitFor();
        assertThat(Files.exists(Path.of(dataDir))).isFalse();
    }

    /** Reports the PostgreSQL backend (server process) its statement ran on: one backend is one connection. */
    public static final class BackendApp implements McpApplication {
        @Override
        public McpServer create(dev.jmcp.Platform platform) {
            SqlDatabase db = platform.require(SqlDatabase.class);
            return McpServer.create("pg", "1", mcp -> mcp.tool("backend", t -> t.description("backend pid").handle(call ->
                    ToolResult.text(db.query("SELECT pg_backend_pid() AS pid").get(0).get("pid").toString()))));
        }
    }

    Map<String, String> env() {
        return Map.of(LambdaPlatform.DATABASE_URL, url, LambdaPlatform.DATABASE_USER, "postgres");
    }

    static String call(McpRequestHandler handler, String tool, String arguments) throws Exception {
        var out = new ByteArrayOutputStream();
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}}";
        handler.handleRequest(new ByteArrayInputStream(Events.withBody("function-url.json", body)), out, null);
        var response = Json.parse(out.toByteArray()).asObject();
        assertThat(response.number("statusCode").intValue()).isEqualTo(200);
        var result = Json.parse(Events.body(response)).asObject().object("result");
        assertThat(result.has("isError") && result.bool("isError")).as(result.toString()).isFalse();
        return result.array("content").get(0).asObject().string("text");
    }

    @Test
    void oneConnectionPerInstanceReusedByEveryInvocation() throws Exception {
        var first = new LambdaInstance("pg", new BackendApp(), env());
        var handler = new McpRequestHandler(first);
        Set<String> pids = new HashSet<>();
        for (int i = 0; i < 6; i++) pids.add(call(handler, "backend", "{}"));
        assertThat(pids).hasSize(1);
        JdbcDatabase db = first.platform().shared(LambdaPlatform.DATABASE);
        assertThat(db.connectionsOpened()).isEqualTo(1);
        assertThat(db.maxConnections()).isEqualTo(1);

        // Another instance (Lambda scaled out) has its own connection.
        var second = new LambdaInstance("pg", new BackendApp(), env());
        String other = call(new McpRequestHandler(second), "backend", "{}");
        assertThat(other).isNotIn(pids);
        assertThat(connectionsFromOthers()).isEqualTo(2);

        second.close();
        first.close();
        assertThat(connectionsFromOthersSettlingAt(0)).isZero();   // closing the instance closed its connection
    }

    @Test
    void snapStartHooksCloseTheConnectionBeforeTheSnapshotAndOpenAFreshOneAfter() throws Exception {
        var instance = new LambdaInstance("pg", new BackendApp(), env());
        var handler = new McpRequestHandler(instance);
        String before = call(handler, "backend", "{}");
        handler.beforeCheckpoint(null);
        assertThat(connectionsFromOthersSettlingAt(0)).isZero();      // no socket in the snapshot
        handler.afterRestore(null);
        assertThat(connectionsFromOthers()).isEqualTo(1);             // reopened before the first request
        String after = call(handler, "backend", "{}");
        assertThat(after).isNotEqualTo(before);                      // the application kept its SqlDatabase; it reached the new one
        assertThat(call(handler, "backend", "{}")).isEqualTo(after);
        instance.close();
    }

    @Test
    void theNotesExampleStoresItsNotesInPostgres() throws Exception {
        var instance = new LambdaInstance("notes", new NotesApp(), env());
        var handler = new McpRequestHandler(instance);
        call(handler, "create_note", "{\"title\":\"Lambda on PostgreSQL\",\"body\":\"kept across instances\",\"tags\":[\"aws\"]}");
        instance.close();

        var later = new LambdaInstance("notes", new NotesApp(), env());   // a new instance finds the note
        assertThat(call(new McpRequestHandler(later), "search_notes", "{\"query\":\"postgresql\"}")).contains("Lambda on PostgreSQL");
        later.close();
        try (var c = DriverManager.getConnection(url, "postgres", "");
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM notes WHERE title = 'Lambda on PostgreSQL'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void aConnectionTheServerDroppedWhileTheInstanceWasFrozenIsReplacedBeforeUse() throws Exception {
        // What a long freeze looks like from inside: the pooled connection is dead when the next invocation comes.
        try (var validated = new JdbcDatabase(url, "postgres", null, 1).validateAfterIdle(java.time.Duration.ZERO);
             var unchecked = new JdbcDatabase(url, "postgres", null, 1)) {
            String first = validated.query("SELECT pg_backend_pid() AS pid").get(0).get("pid").toString();
            String other = unchecked.query("SELECT pg_backend_pid() AS pid").get(0).get("pid").toString();
            terminate(first);
            terminate(other);
            String second = validated.query("SELECT pg_backend_pid() AS pid").get(0).get("pid").toString();
            assertThat(second).isNotEqualTo(first);
            assertThat(validated.connectionsOpened()).isEqualTo(2);
            // Without the check the first statement after the drop fails (and the one after it heals).
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> unchecked.query("SELECT 1"))
                    .isInstanceOf(JdbcDatabase.Failure.class);
            assertThat(unchecked.query("SELECT 1 AS one")).hasSize(1);
        }
    }

    static void terminate(String pid) throws Exception {
        try (var c = DriverManager.getConnection(url, "postgres", "");
             var rs = c.createStatement().executeQuery("SELECT pg_terminate_backend(" + Integer.parseInt(pid) + ")")) {
            rs.next();
            assertThat(rs.getBoolean(1)).isTrue();
        }
    }

    /** Client connections to the server other than the one asking. */
    /**
     * The count once it reaches {@code expected}, or the last one seen after 5 s: a backend leaves pg_stat_activity a
     * moment after its client closed the connection, not at once.
     */
    static int connectionsFromOthersSettlingAt(int expected) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        int count = connectionsFromOthers();
        while (count != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
            count = connectionsFromOthers();
        }
        return count;
    }

    static int connectionsFromOthers() throws Exception {
        try (var c = DriverManager.getConnection(url, "postgres", "");
             var rs = c.createStatement().executeQuery(
                     "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
