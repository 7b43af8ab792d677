package dev.jmcp.cli;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bindings in the generated wrangler.jsonc: a D1 database when the module waits for D1, a KV namespace when it
 * waits for KV, each replaceable from jmcp.json.
 */
class WorkersBindingsConfigTest {

    private static JsonObject config(Project project, boolean d1, boolean kv) {
        String text = WorkersTarget.wranglerConfig(project, d1, kv);
        return Json.parse(text.substring(text.indexOf('\n') + 1)).asObject();
    }

    private static Project project(JsonObject settings) {
        return new Project(Path.of("/tmp/app"), "notes", "dev.example.NotesApp", settings);
    }

    @Test
    void aModuleImportingD1WaitGetsADatabaseBoundAsDbNamedAfterTheProject() {
        JsonObject config = config(project(Json.object()), true, false);
        assertThat(config.array("d1_databases").items())
                .containsExactly(Json.object("binding", "DB", "database_name", "notes"));
        assertThat(config.has("kv_namespaces")).isFalse();
    }

    @Test
    void aModuleImportingKvWaitGetsANamespaceBoundAsCache() {
        JsonObject config = config(project(Json.object()), false, true);
        assertThat(config.array("kv_namespaces").items()).containsExactly(Json.object("binding", "CACHE"));
        assertThat(config.has("d1_databases")).isFalse();
    }

    @Test
    void aModuleWithoutFacilitiesGetsNoBindings() {
        JsonObject config = config(project(Json.object()), false, false);
        assertThat(config.has("d1_databases")).isFalse();
        assertThat(config.has("kv_namespaces")).isFalse();
    }

    @Test
    void jmcpJsonNamesItsOwnDatabasesAndNamespaces() {
        var databases = Json.array(Json.object("binding", "DB", "database_name", "prod-notes", "database_id", "0f2c"));
        var namespaces = Json.array(Json.object("binding", "CACHE", "id", "9a1b"));
        JsonObject config = config(project(Json.object(WorkersTarget.ID,
                Json.object("d1_databases", databases, "kv_namespaces", namespaces))), true, true);
        assertThat(config.array("d1_databases")).isEqualTo(databases);
        assertThat(config.array("kv_namespaces")).isEqualTo(namespaces);
    }

    @Test
    void findsAWaitImportByItsNames() {
        byte[] section = "\u0002\u0004jmcp\u0006d1Wait\u0000\u0003\u0004jmcp\u0006kvWait\u0000\u0004".getBytes(StandardCharsets.US_ASCII);
        assertThat(WorkersTarget.importsWait(section, "d1Wait")).isTrue();
        assertThat(WorkersTarget.importsWait(section, "kvWait")).isTrue();
        assertThat(WorkersTarget.importsWait("\u0004jmcp\u0006d1Wait".getBytes(StandardCharsets.US_ASCII), "kvWait")).isFalse();
        assertThat(WorkersTarget.importsWait("\u0004jmcp\u0006d1Wai".getBytes(StandardCharsets.US_ASCII), "d1Wait")).isFalse();
        assertThat(WorkersTarget.importsWait("\u0005jmcpx\u0006d1Wait".getBytes(StandardCharsets.US_ASCII), "d1Wait")).isFalse();
        assertThat(WorkersTarget.importsWait(new byte[0], "d1Wait")).isFalse();
    }
}
