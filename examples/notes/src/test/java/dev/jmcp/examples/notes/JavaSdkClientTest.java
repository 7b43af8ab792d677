package dev.jmcp.examples.notes;

import dev.jmcp.server.JvmPlatform;
import dev.jmcp.server.McpHttpServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.EmbeddedResource;
import io.modelcontextprotocol.spec.McpSchema.GetPromptRequest;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import io.modelcontextprotocol.spec.McpSchema.LoggingMessageNotification;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interoperability: the official MCP Java SDK client ({@code io.modelcontextprotocol.sdk:mcp}), an implementation
 * written outside this project, drives the notes server over real HTTP on 127.0.0.1 (Jetty, a free port, a stateful
 * session), on a SQLite file in a temporary directory.
 */
@Timeout(60)
class JavaSdkClientTest {
    @TempDir
    Path dataDir;
    JvmPlatform platform;
    McpHttpServer http;
    McpSyncClient client;

    /**
     * What the client hands to its consumers. The SDK runs each sync consumer call as its own task on Reactor's
     * boundedElastic pool, so these can arrive in any order and after callTool has returned, though the server
     * writes them in order before the result (NotesTest checks that order on the wire).
     */
    final List<ProgressNotification> progress = new CopyOnWriteArrayList<>();
    final List<LoggingMessageNotification> logs = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        platform = new JvmPlatform("notes", Map.of(JvmPlatform.DATA_DIR, dataDir.toString()));
        http = McpHttpServer.builder(new NotesApp().create(platform)).port(0).build().start();
        URI url = URI.create(http.url());
        var transport = HttpClientStreamableHttpTransport.builder(url.getScheme() + "://" + url.getAuthority())
                .endpoint(url.getPath())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        client = McpClient.sync(transport)
                .clientInfo(McpSchema.Implementation.builder("jmcp-interop-test", "1.0.0").build())
                .requestTimeout(Duration.ofSeconds(20))
                .initializationTimeout(Duration.ofSeconds(20))
                .progressConsumer(progress::add)
                .loggingConsumer(logs::add)
                .build();
    }

    @AfterEach
    void stop() {
        try {
            if (client != null) client.close();
        } finally {
            try {
                if (http != null) http.stop();
            } finally {
                platform.close();
            }
        }
    }

    @Test
    void theOfficialJavaSdkClientRunsAWholeSessionAgainstTheNotesServer() {
        InitializeResult init = client.initialize();
        assertThat(init.protocolVersion()).isEqualTo("2025-11-25");
        assertThat(init.serverInfo().name()).isEqualTo("notes");
        assertThat(init.serverInfo().version()).isEqualTo("0.1.0");
        assertThat(init.capabilities().tools()).isNotNull();
        assertThat(init.capabilities().resources()).isNotNull();
        assertThat(init.capabilities().prompts()).isNotNull();
        assertThat(init.capabilities().logging()).isNotNull();
        assertThat(init.instructions()).contains("search_notes", "notes://index");

        // tools/list: every tool with a description and an object input schema; the SDK keeps the schemas as maps.
        Map<String, Tool> tools = client.listTools().tools().stream()
                .collect(Collectors.toMap(Tool::name, Function.identity()));
        assertThat(tools).containsOnlyKeys("create_note", "search_notes", "update_note", "delete_note", "summarize_notes");
        assertThat(tools.values()).allSatisfy(tool -> {
            assertThat(tool.description()).hasSizeGreaterThan(40);
            assertThat(tool.inputSchema()).containsEntry("type", "object");
        });
        Tool create = tools.get("create_note");
        assertThat(create.inputSchema().get("required")).isEqualTo(List.of("title", "body"));
        assertThat(object(create.inputSchema().get("properties"))).containsOnlyKeys("title", "body", "tags");
        assertThat(create.outputSchema()).containsEntry("type", "object");
        assertThat(tools.get("search_notes").annotations().readOnlyHint()).isTrue();
        assertThat(tools.get("delete_note").annotations().destructiveHint()).isTrue();

        // create_note: structured content, which the SDK also checks against the tool's output schema.
        CallToolResult created = call("create_note", Map.of("title", "Groceries", "body", "milk, eggs and bread",
                "tags", List.of("home", "shopping")));
        assertThat(created.isError()).isNotEqualTo(Boolean.TRUE);
        Map<String, Object> ref = object(created.structuredContent());
        assertThat(ref).containsEntry("title", "Groceries").containsEntry("tags", List.of("home", "shopping"));
        assertThat(ref.get("id")).isInstanceOf(Number.class);
        long id = ((Number) ref.get("id")).longValue();
        call("create_note", Map.of("title", "Ideas", "body", "a notes server in Java", "tags", List.of("work", "home")));
        call("create_note", Map.of("title", "Call", "body", "the dentist on Monday"));

        // search_notes finds it.
        CallToolResult found = call("search_notes", Map.of("query", "EGGS milk"));
        assertThat(found.isError()).isNotEqualTo(Boolean.TRUE);
        List<?> notes = (List<?>) object(found.structuredContent()).get("notes");
        assertThat(notes).hasSize(1);
        assertThat(object(notes.get(0))).containsEntry("title", "Groceries")
                .hasEntrySatisfying("id", v -> assertThat(((Number) v).longValue()).isEqualTo(id));

        // summarize_notes with a progress token, at log level info: progress per note and two log lines.
        client.setLoggingLevel(LoggingLevel.INFO);
        CallToolResult summary = client.callTool(CallToolRequest.builder()
                .name("summarize_notes")
                .arguments(Map.of())
                .progressToken("sum-1")
                .build());
        assertThat(summary.isError()).isNotEqualTo(Boolean.TRUE);
        assertThat(text(summary)).startsWith("3 notes, ").contains("\"Groceries\"", "Top tags: home (2)");

        awaitSize(progress, 3);
        assertThat(progress).allSatisfy(p -> {
            assertThat(p.progressToken()).isEqualTo("sum-1");
            assertThat(p.total()).isEqualTo(3.0);
            assertThat(p.message()).isEqualTo("Read note " + p.progress().intValue() + " of 3");
        });
        assertThat(progress).as("one notification per note, progress 1, 2, 3 of 3")
                .extracting(ProgressNotification::progress).containsExactlyInAnyOrder(1.0, 2.0, 3.0);

        awaitSize(logs, 2);
        assertThat(logs).allSatisfy(l -> {
            assertThat(l.level()).isEqualTo(LoggingLevel.INFO);
            assertThat(l.logger()).isEqualTo("notes");
        });
        assertThat(logs).extracting(LoggingMessageNotification::data)
                .containsExactlyInAnyOrder("Summarizing 3 notes", "Summarized 3 notes, 13 words");

        // notes://{id}: the note as Markdown.
        ReadResourceResult read = client.readResource(new ReadResourceRequest("notes://" + id));
        assertThat(read.contents()).singleElement().isInstanceOfSatisfying(TextResourceContents.class, text -> {
            assertThat(text.uri()).isEqualTo("notes://" + id);
            assertThat(text.mimeType()).isEqualTo("text/markdown");
            assertThat(text.text()).startsWith("# Groceries\n").contains("milk, eggs and bread", "tags: home, shopping");
        });

        // review_note embeds the note as a resource.
        GetPromptResult prompt = client.getPrompt(new GetPromptRequest("review_note", Map.of("id", Long.toString(id))));
        assertThat(prompt.messages()).hasSize(2);
        assertThat(prompt.messages().get(0).role()).isEqualTo(McpSchema.Role.USER);
        assertThat(prompt.messages().get(0).content()).isInstanceOfSatisfying(EmbeddedResource.class, embedded ->
                assertThat(embedded.resource()).isInstanceOfSatisfying(TextResourceContents.class, text -> {
                    assertThat(text.uri()).isEqualTo("notes://" + id);
                    assertThat(text.text()).startsWith("# Groceries\n");
                }));
        assertThat(prompt.messages().get(1).content()).isInstanceOfSatisfying(TextContent.class, text ->
                assertThat(text.text()).contains("notes://" + id, "update_note"));

        // An unknown id is a tool error the model can act on, not a protocol error.
        CallToolResult missing = call("update_note", Map.of("id", 999, "title", "Nope"));
        assertThat(missing.isError()).isTrue();
        assertThat(text(missing)).contains("No note has id 999", "search_notes", "notes://index");

        assertThat(client.closeGracefully()).isTrue();
    }

    private CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(CallToolRequest.builder().name(tool).arguments(arguments).build());
    }

    /** Waits up to 5 s for the client's consumers, which run on other threads, to have seen {@code size} items. */
    private static void awaitSize(List<?> seen, int size) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (seen.size() < size && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertThat(seen).hasSize(size);
    }

    /** A JSON object as the SDK's Jackson mapper hands it over. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object json) {
        assertThat(json).isInstanceOf(Map.class);
        return (Map<String, Object>) json;
    }

    private static String text(CallToolResult result) {
        assertThat(result.content()).singleElement().isInstanceOf(TextContent.class);
        return ((TextContent) result.content().get(0)).text();
    }
}
