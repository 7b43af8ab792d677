package dev.jmcp.lambda;

import dev.jmcp.McpServer;
import dev.jmcp.Shared;
import dev.jmcp.ToolResult;
import dev.jmcp.examples.notes.NotesApp;
import dev.jmcp.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class McpRequestHandlerTest {
    @TempDir
    Path data;

    static String invoke(McpRequestHandler handler, byte[] event) throws Exception {
        var out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String call(String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}}";
    }

    @Test
    void theNotesExampleRunsBehindTheManagedHandlerOnItsLocalSqliteDefault() throws Exception {
        var instance = new LambdaInstance("notes", new NotesApp(), Map.of(LambdaPlatform.DATA_DIR, data.toString()));
        var handler = new McpRequestHandler(instance);
        String created = invoke(handler, Events.withBody("function-url.json", call("create_note", "{\"title\":\"Milk\",\"body\":\"2 litres\"}")));
        assertThat(Json.parse(created).asObject().number("statusCode").intValue()).isEqualTo(200);
        String listed = invoke(handler, Events.withBody("rest-api.json", call("search_notes", "{\"query\":\"Milk\"}")));
        assertThat(Events.body(Json.parse(listed).asObject())).contains("Milk");
        instance.close();
    }

    @Test
    void snapshotHooksPrimeCloseAndReopenTheSharedResources() {
        var made = new AtomicInteger();
        var closed = new AtomicInteger();
        Shared<AutoCloseable> connection = Shared.of("connection", p -> {
            made.incrementAndGet();
            return closed::incrementAndGet;
        });
        var listed = new AtomicInteger();
        var instance = new LambdaInstance("t", platform -> {
            platform.shared(connection);
            return McpServer.create("t", "1", mcp -> mcp.tool("noop", t -> t.description("n").handle(c -> {
                listed.incrementAndGet();
                return ToolResult.text("x");
            })));
        }, Map.of());
        var handler = new McpRequestHandler(instance);
        handler.beforeCheckpoint(null);
        assertThat(instance.prime()).isEqualTo(Priming.events().size());   // every priming request answered 2xx
        assertThat(listed).hasValue(0);                                     // priming calls no tool
        assertThat(closed).hasValue(1);
        assertThat(instance.platform().sharedResources().isCreated(connection)).isFalse();
        handler.afterRestore(null);
        assertThat(made).hasValue(2);
        assertThat(instance.platform().sharedResources().isCreated(connection)).isTrue();
        instance.close();
        assertThat(closed).hasValue(2);
    }

    @Test
    void aMissingApplicationIsAClearInitError() {
        assertThatThrownBy(() -> LambdaInstance.fromEnvironment(Map.of()))
                .hasMessageContaining("set JMCP_APPLICATION");
        assertThatThrownBy(() -> LambdaInstance.fromEnvironment(Map.of("JMCP_APPLICATION", "no.such.App")))
                .hasMessageContaining("no.such.App is not in the package");
        assertThatThrownBy(() -> LambdaInstance.fromEnvironment(Map.of("JMCP_APPLICATION", "java.lang.String")))
                .hasMessageContaining("does not implement dev.jmcp.McpApplication");
    }
}
