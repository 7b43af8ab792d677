package dev.jmcp.examples.notes;

import dev.jmcp.SqlDatabase;
import dev.jmcp.server.JdbcDatabase;
import dev.jmcp.server.JvmPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JVM's {@code Platform}, with the SQLite driver this module puts on the class path. */
class JvmPlatformTest {
    @TempDir
    Path dir;

    @Test
    void itIsTheJvmRuntimeAndReadsConfigurationFromTheMapItWasGiven() {
        try (var platform = new JvmPlatform("notes", Map.of("GREETING", "hello"))) {
            assertThat(platform.runtime()).isEqualTo("jvm");
            assertThat(platform.config("GREETING")).contains("hello");
            assertThat(platform.config("MISSING")).isEmpty();
        }
    }

    @Test
    void theDefaultDatabaseIsASqliteFileNamedAfterTheAppMadeOnFirstUseOnce() {
        Path data = dir.resolve("nested/data");
        try (var platform = new JvmPlatform("notes", Map.of(JvmPlatform.DATA_DIR, data.toString()))) {
            SqlDatabase db = platform.require(SqlDatabase.class);
            assertThat(platform.facility(SqlDatabase.class)).containsSame(db);
            assertThat(data).isDirectory();
            assertThat(data.resolve("notes.db")).as("no connection yet").doesNotExist();
            assertThat(((JdbcDatabase) db).url()).isEqualTo("jdbc:sqlite:" + data.toAbsolutePath().resolve("notes.db"));
            db.execute("CREATE TABLE t (x INTEGER)");
            assertThat(data.resolve("notes.db")).exists();
        }
    }

    @Test
    void aDatabaseUrlInTheConfigurationWins() {
        Path other = dir.resolve("other.db");
        var config = Map.of(JvmPlatform.DATABASE_URL, "jdbc:sqlite:" + other, JvmPlatform.DATA_DIR, dir.resolve("data").toString());
        try (var platform = new JvmPlatform("notes", config)) {
            platform.require(SqlDatabase.class).execute("CREATE TABLE t (x INTEGER)");
            assertThat(other).exists();
            assertThat(dir.resolve("data")).doesNotExist();
        }
    }

    @Test
    void aDatabaseUrlThatIsNotJdbcIsRefusedByName() {
        try (var platform = new JvmPlatform("notes", Map.of(JvmPlatform.DATABASE_URL, "postgres://u:pw@host/db"))) {
            assertThatThrownBy(() -> platform.facility(SqlDatabase.class))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("JMCP_DATABASE_URL must be a JDBC URL such as jdbc:postgresql://host:5432/db");
        }
    }

    @Test
    void otherFacilitiesAreAbsentAndRequiringOneSaysWhatThereIs() {
        try (var platform = new JvmPlatform("notes", Map.of())) {
            assertThat(platform.facility(String.class)).isEmpty();
            assertThatThrownBy(() -> platform.require(String.class))
                    .hasMessage("The jvm runtime provides no String; it offers SqlDatabase and KeyValueCache");
        }
    }

    @Test
    void anAppNameMustBeUsableAsAFileName() {
        assertThatThrownBy(() -> new JvmPlatform("../escape", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"../escape\"");
    }

    @Test
    void closingClosesTheDatabase() {
        var platform = new JvmPlatform("notes", Map.of(JvmPlatform.DATA_DIR, dir.toString()));
        var db = (JdbcDatabase) platform.require(SqlDatabase.class);
        db.execute("CREATE TABLE t (x INTEGER)");
        platform.close();
        platform.close();
        assertThat(db.idleConnections()).isZero();
        assertThatThrownBy(() -> db.query("SELECT 1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> platform.facility(SqlDatabase.class)).hasMessage("this JvmPlatform is closed");
    }
}
