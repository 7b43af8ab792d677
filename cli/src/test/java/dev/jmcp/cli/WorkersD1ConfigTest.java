package dev.jmcp.cli;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The D1 part of the generated wrangler.jsonc: present when the module waits for D1, replaceable from jmcp.json. */
class WorkersD1ConfigTest {

    private static JsonObject config(Project project, boolean d1) {
        String text = WorkersTarget.wranglerConfig(project, d1);
        return Json.parse(text.substring(text.indexOf('\n') + 1)).asObject();
    }

    private static Project project(JsonObject settings) {
        return new Project(Path.of("/tmp/app"), "notes", "dev.example.NotesApp", settings);
    }

    @Test
    void aModuleImportingD1WaitGetsADatabaseBoundAsDbNamedAfterTheProject() {
        JsonObject config = config(project(Json.object()), true);
        assertThat(config.array("d1_databases").items())
                .containsExactly(Json.object("binding", "DB", "database_name", "notes"));
    }

    @Test
    void aModuleWithoutSqlGetsNoDatabase() {
        assertThat(config(project(Json.object()), false).has("d1_databases")).isFalse();
    }

    @Test
    void jmcpJsonNamesItsOwnDatabases() {
        var mine = Json.array(Json.object("binding", "DB", "database_name", "prod-notes", "database_id", "0f2c"));
        JsonObject config = config(project(Json.object(WorkersTarget.ID, Json.object("d1_databases", mine))), true);
        assertThat(config.array("d1_databases")).isEqualTo(mine);
    }

    @Test
    void findsTheD1WaitImportByItsNames() {
        byte[] section = "\u0002\u0004jmcp\u0006d1Wait\u0000\u0003".getBytes(StandardCharsets.US_ASCII);
        assertThat(WorkersTarget.importsD1(section)).isTrue();
        assertThat(WorkersTarget.importsD1("\u0004jmcp\u0006d1Wai".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(WorkersTarget.importsD1("\u0005jmcpx\u0006d1Wait".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(WorkersTarget.importsD1(new byte[0])).isFalse();
    }
}
