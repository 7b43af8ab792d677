package dev.jmcp.cli;

import dev.jmcp.json.Json;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parts of the cloudflare-workers build that need neither TeaVM's compiler run nor workerd (test.sh runs those). */
class WorkersBuildTest {
    private final TeaVmBuild build = new TeaVmBuild(List.of(), Path.of("target/unused"), new PrintWriter(new StringWriter()));

    @Test
    void teavms_runtime_is_adapted_without_any_code_generation_left() {
        String patched = TeaVmRuntimePatch.apply(build.runtimeSource());
        assertThat(patched).doesNotContain("new Function").doesNotContainPattern("(?<![\\w$.])import\\s*\\(")
                .contains("export {\n  collectJsBodies,\n  defaults,\n  load,\n  registerJsBodies,")
                .contains("if (src instanceof WebAssembly.Module) return src;")
                .contains("function hasStringBuiltins() {\n  return Promise.resolve(false);")
                .contains("imports.teavmJso = new Proxy(imports.teavmJso, {")
                .doesNotContain("for (let i = 0; i < 32; ++i)");
    }

    @Test
    void a_changed_teavm_runtime_fails_the_build_naming_the_anchor() {
        String changed = build.runtimeSource().replace("async function compileModule(src, isNodeJs) {", "async function compileModule(source) {");
        assertThatThrownBy(() -> TeaVmRuntimePatch.apply(changed))
                .isInstanceOf(Failure.class)
                .hasMessageContaining("anchor \"compileModule\" not found")
                .hasMessageContaining("TeaVM 0.16.0");
        String extra = build.runtimeSource() + "\nconst late = new Function(\"return 1\");\n";
        assertThatThrownBy(() -> TeaVmRuntimePatch.apply(extra)).hasMessageContaining("no Function(...) may remain");
    }

    @Test
    void the_jsbody_table_is_a_module_of_functions_keyed_by_parameters_and_script() {
        String module = TeaVmBuild.jsBodiesModule(Map.of("a,b|return a + \"|\" + b;", List.of("a", "b")));
        assertThat(module).contains("\"a,b|return a + \\\"|\\\" + b;\": function(wrapCallFromJavaToJs, a, b) {\n    return a + \"|\" + b;\n  },");
    }

    @Test
    void the_entry_names_the_application_and_registers_providers() {
        String source = TeaVmBuild.entrySource("com.example.App", List.of("com.example.D1Provider"));
        assertThat(source).contains("WorkerExports.provide(new com.example.D1Provider());")
                .contains("return WorkerExports.start(new com.example.App(), config, env);")
                .contains("@JSExport")
                .contains("@Export(name = \"jmcp_handle\")")
                .contains("@Export(name = \"jmcp_pump\")");
    }

    @Test
    void wrangler_config_forbids_eval_and_imports_wasm_compiled() {
        var project = new Project(Path.of("/tmp/app"), "app", "com.example.App", Json.parse("{\"name\":\"app\"}").asObject());
        String config = WorkersTarget.wranglerConfig(project, false, false);
        var json = Json.parse(config.substring(config.indexOf('\n') + 1)).asObject();
        assertThat(json.string("main")).isEqualTo("worker.mjs");
        assertThat(Json.write(json.array("compatibility_flags"))).isEqualTo("[\"disallow_eval_during_startup\"]");
        assertThat(Json.write(json.array("rules"))).contains("CompiledWasm");
    }
}
