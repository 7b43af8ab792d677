package dev.jmcp.examples.notes;

import dev.jmcp.SqlDatabase;
import dev.jmcp.http.EndpointOptions;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;
import dev.jmcp.server.JvmPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.jmcp.examples.notes.McpClient.isError;
import static dev.jmcp.examples.notes.McpClient.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The notes server over Streamable HTTP (stateless, in-process), on a real SQLite file. */
class NotesTest {
    @TempDir
    Path dataDir;
    JvmPlatform platform;
    McpClient client;

    @BeforeEach
    void start() {
        platform = new JvmPlatform("notes", Map.of(JvmPlatform.DATA_DIR, dataDir.toString()));
        client = new McpClient(Notes.server(new SqlNoteStore(platform.require(SqlDatabase.class), new SteppingClock())));
    }

    @AfterEach
    void stop() {
        platform.close();
        assertThat(client.reportedErrors).as("failures hidden behind a generic message").isEmpty();
    }

    JsonObject create(String title, String body, String... tags) {
        return client.callTool("create_note", Json.object("title", title, "body", body, "tags", List.of(tags)));
    }

    @Test
    void initializeAdvertisesToolsResourcesPromptsAndCompletions() {
        JsonObject result = client.result("initialize", Json.object("protocolVersion", "2025-11-25",
                "capabilities", Json.object(), "clientInfo", Json.object("name", "test", "version", "1")));
        assertThat(result.object("serverInfo").string("name")).isEqualTo("notes");
        assertThat(result.object("capabilities").members()).containsKeys("tools", "resources", "prompts", "completions");
        assertThat(result.string("instructions")).contains("search_notes", "notes://index");
    }

    @Test
    void toolsListDescribesEveryToolWithItsSchemasAndHints() {
        var tools = client.result("tools/list", Json.object()).array("tools").items().stream().map(Json::asObject).toList();
        assertThat(tools).extracting(t -> t.string("name"))
                .containsExactly("create_note", "search_notes", "update_note", "delete_note", "summarize_notes");
        assertThat(tools).allSatisfy(t -> assertThat(t.string("description")).hasSizeGreaterThan(40));
        JsonObject create = tools.get(0);
        assertThat(create.object("inputSchema").array("required")).containsExactly(Json.string("title"), Json.string("body"));
        assertThat(create.object("outputSchema").array("required"))
                .containsExactly(Json.string("id"), Json.string("title"), Json.string("tags"));
        assertThat(tools.get(1).object("annotations").bool("readOnlyHint")).isTrue();
        assertThat(tools.get(1).object("inputSchema").object("properties").object("limit").number("maximum").longValue()).isEqualTo(50);
        JsonObject delete = tools.get(3).object("annotations");
        assertThat(delete.bool("destructiveHint")).isTrue();
        assertThat(delete.bool("idempotentHint")).isTrue();
    }

    @Test
    void aNoteCanBeCreatedFoundUpdatedAndDeleted() {
        JsonObject created = create("Groceries", "milk, eggs and bread", "home", "shopping");
        assertThat(isError(created)).isFalse();
        assertThat(created.object("structuredContent"))
                .isEqualTo(Json.object("id", 1, "title", "Groceries", "tags", List.of("home", "shopping")));
        assertThat(Json.parse(text(created))).as("structured content is also sent as text").isEqualTo(created.object("structuredContent"));
        create("Ideas", "a notes server in Java", "work");

        JsonObject found = client.callTool("search_notes", Json.object("query", "EGGS milk"));
        assertThat(found.object("structuredContent").array("notes").items()).singleElement().satisfies(n -> {
            assertThat(n.asObject().number("id").longValue()).isEqualTo(1);
            assertThat(n.asObject().string("excerpt")).isEqualTo("milk, eggs and bread");
            assertThat(n.asObject().string("updatedAt")).isEqualTo("2025-01-31T09:00:00Z");
        });

        JsonObject updated = client.callTool("update_note", Json.object("id", 1, "title", "Shopping list"));
        assertThat(updated.object("structuredContent"))
                .isEqualTo(Json.object("id", 1, "title", "Shopping list", "tags", List.of("home", "shopping")));
        JsonObject all = client.callTool("search_notes", Json.object());
        assertThat(all.object("structuredContent").array("notes").items()).extracting(n -> n.asObject().string("title"))
                .as("most recently changed first").containsExactly("Shopping list", "Ideas");

        assertThat(text(client.callTool("delete_note", Json.object("id", 1)))).isEqualTo("Deleted note 1.");
        JsonObject again = client.callTool("delete_note", Json.object("id", 1));
        assertThat(isError(again)).as("deleting is idempotent").isFalse();
        assertThat(text(again)).isEqualTo("There is no note 1 (already deleted?); nothing changed.");
        assertThat(client.callTool("search_notes", Json.object("query", "milk")).object("structuredContent").array("notes")).isEmpty();
    }

    @Test
    void updatingAnUnknownNoteTellsTheModelHowToFindIds() {
        JsonObject result = client.callTool("update_note", Json.object("id", 42, "body", "x"));
        assertThat(isError(result)).isTrue();
        assertThat(text(result)).isEqualTo("No note has id 42. Use search_notes to find a note's id (an empty query lists "
                + "the most recent notes), or read notes://index for every id and title.");
    }

    @Test
    void anUpdateThatChangesNothingIsRefused() {
        create("Groceries", "milk");
        JsonObject result = client.callTool("update_note", Json.object("id", 1));
        assertThat(isError(result)).isTrue();
        assertThat(text(result)).isEqualTo("Nothing to change in note 1: give a new title, body or tags.");
    }

    @Test
    void badArgumentsAreToolErrorsThatNameTheArgument() {
        JsonObject limit = client.callTool("search_notes", Json.object("query", "x", "limit", 51));
        assertThat(isError(limit)).isTrue();
        assertThat(text(limit)).contains("\"limit\"", "50", "51");
        JsonObject blank = client.callTool("create_note", Json.object("title", "   ", "body", "b"));
        assertThat(isError(blank)).isTrue();
        assertThat(text(blank)).isEqualTo("The title must not be blank.");
    }

    @Test
    void tagsCanBeReplacedAndCleared() {
        create("Groceries", "milk", "home");
        JsonObject replaced = client.callTool("update_note", Json.object("id", 1, "tags", List.of(" food ", "home,weekly", "food")));
        assertThat(replaced.object("structuredContent").array("tags"))
                .containsExactly(Json.string("food"), Json.string("home"), Json.string("weekly"));
        JsonObject cleared = client.callTool("update_note", Json.object("id", 1, "tags", List.of()));
        assertThat(cleared.object("structuredContent").array("tags")).isEmpty();
    }

    @Test
    void aNoteReadsAsMarkdown() {
        create("Groceries", "milk, eggs", "home", "shopping");
        JsonObject contents = client.result("resources/read", Json.object("uri", "notes://1")).array("contents").get(0).asObject();
        assertThat(contents.string("uri")).isEqualTo("notes://1");
        assertThat(contents.string("mimeType")).isEqualTo("text/markdown");
        assertThat(contents.string("text")).isEqualTo("# Groceries\n\nmilk, eggs\n\ntags: home, shopping\n");
    }

    @Test
    void readingAMissingNoteIsResourceNotFound() {
        for (String uri : List.of("notes://7", "notes://seven")) {
            JsonObject error = client.response("resources/read", Json.object("uri", uri)).object("error");
            assertThat(error.number("code").longValue()).as(uri).isEqualTo(-32002);
            assertThat(error.object("data").string("uri")).isEqualTo(uri);
        }
    }

    @Test
    void theIndexListsEveryIdAndTitle() {
        create("Groceries", "milk");
        create("Ideas", "more");
        assertThat(client.result("resources/list", Json.object()).array("resources").get(0).asObject().string("uri"))
                .isEqualTo("notes://index");
        assertThat(client.result("resources/templates/list", Json.object()).array("resourceTemplates").get(0).asObject()
                .string("uriTemplate")).isEqualTo("notes://{id}");
        JsonObject contents = client.result("resources/read", Json.object("uri", "notes://index")).array("contents").get(0).asObject();
        assertThat(contents.string("mimeType")).isEqualTo("application/json");
        assertThat(Json.parse(contents.string("text"))).isEqualTo(Json.array(
                Json.object("id", 1, "title", "Groceries", "uri", "notes://1"),
                Json.object("id", 2, "title", "Ideas", "uri", "notes://2")));
    }

    @Test
    void noteIdsCompleteByTitlePrefixForTheResourceAndThePrompt() {
        create("Groceries", "milk");
        create("Ideas", "more");
        create("grout for the bathroom", "tiles");
        var resourceRef = Json.object("type", "ref/resource", "uri", "notes://{id}");
        var promptRef = Json.object("type", "ref/prompt", "name", "review_note");
        for (JsonObject ref : List.of(resourceRef, promptRef)) {
            assertThat(completions(ref, "GRO")).as(ref.string("type")).containsExactly("1", "3");
            assertThat(completions(ref, "i")).containsExactly("2");
            assertThat(completions(ref, "")).containsExactly("1", "2", "3");
            assertThat(completions(ref, "2")).as("an id typed directly").containsExactly("2");
        }
    }

    List<String> completions(JsonObject ref, String value) {
        JsonObject result = client.result("completion/complete", Json.object("ref", ref, "argument", Json.object("name", "id", "value", value)));
        return result.object("completion").array("values").items().stream().map(Json::asString).toList();
    }

    @Test
    void theReviewPromptEmbedsTheNoteAndAsksForACritique() {
        create("Groceries", "milk, eggs", "home");
        JsonObject prompt = client.result("prompts/get", Json.object("name", "review_note", "arguments", Json.object("id", "1")));
        assertThat(prompt.string("description")).isEqualTo("Review of note 1 \"Groceries\"");
        var messages = prompt.array("messages").items().stream().map(Json::asObject).toList();
        assertThat(messages).hasSize(2).allSatisfy(m -> assertThat(m.string("role")).isEqualTo("user"));
        JsonObject embedded = messages.get(0).object("content");
        assertThat(embedded.string("type")).isEqualTo("resource");
        assertThat(embedded.object("resource")).isEqualTo(Json.object("uri", "notes://1", "mimeType", "text/markdown",
                "text", "# Groceries\n\nmilk, eggs\n\ntags: home\n"));
        assertThat(messages.get(1).object("content").string("text")).contains("review the note above", "update_note");
    }

    @Test
    void theReviewPromptRefusesAMissingOrUnknownId() {
        JsonObject unknown = client.response("prompts/get", Json.object("name", "review_note", "arguments", Json.object("id", "9")));
        assertThat(unknown.object("error").number("code").longValue()).isEqualTo(-32602);
        assertThat(unknown.object("error").string("message")).startsWith("No note has id \"9\".");
        JsonObject missing = client.response("prompts/get", Json.object("name", "review_note"));
        assertThat(missing.object("error").number("code").longValue()).isEqualTo(-32602);
        assertThat(missing.object("error").string("message")).contains("\"id\"");
    }

    @Test
    void summarizeStreamsProgressForEveryNoteBeforeItsDigest() {
        create("Groceries", "milk eggs bread", "home", "shopping");
        create("Ideas", "a notes server", "work", "home");
        create("Call", "dentist", "home");
        List<JsonObject> messages = client.exchange("tools/call", Json.object("name", "summarize_notes",
                "arguments", Json.object(), "_meta", Json.object("progressToken", "sum-1")));

        assertThat(client.frames).as("answered as an event stream").isNotEmpty();
        assertThat(messages).hasSize(4);
        for (int i = 0; i < 3; i++) {
            JsonObject progress = messages.get(i);
            assertThat(progress.string("method")).isEqualTo("notifications/progress");
            assertThat(progress.object("params")).isEqualTo(Json.object("progressToken", "sum-1", "progress", i + 1,
                    "total", 3, "message", "Read note " + (i + 1) + " of 3"));
        }
        JsonObject result = messages.get(3).object("result");
        assertThat(isError(result)).isFalse();
        assertThat(text(result)).isEqualTo("""
                3 notes, 7 words in all:
                - #3 "Call": 1 word
                - #2 "Ideas": 3 words
                - #1 "Groceries": 3 words
                Top tags: home (3), shopping (1), work (1)""");
    }

    @Test
    void inASessionSummarizeAlsoLogsAtInfoLevel() {
        var stateful = new McpClient(Notes.server(new SqlNoteStore(platform.require(SqlDatabase.class), new SteppingClock())),
                EndpointOptions.Mode.STATEFUL);
        stateful.result("initialize", Json.object("protocolVersion", "2025-11-25", "capabilities", Json.object(),
                "clientInfo", Json.object("name", "test", "version", "1")));
        stateful.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        stateful.result("logging/setLevel", Json.object("level", "info"));
        stateful.callTool("create_note", Json.object("title", "Groceries", "body", "milk eggs"));
        List<JsonObject> messages = stateful.exchange("tools/call", Json.object("name", "summarize_notes",
                "arguments", Json.object(), "_meta", Json.object("progressToken", 7)));
        assertThat(messages).extracting(m -> m.has("method") ? m.string("method") : "response").containsExactly(
                "notifications/message", "notifications/progress", "notifications/message", "response");
        assertThat(messages.get(0).object("params")).isEqualTo(Json.object("level", "info", "logger", "notes", "data", "Summarizing 1 note"));
        assertThat(messages.get(2).object("params").string("data")).isEqualTo("Summarized 1 note, 2 words");
        assertThat(text(messages.get(3).object("result"))).startsWith("1 note, 2 words in all:");
        assertThat(stateful.reportedErrors).isEmpty();
    }

    @Test
    void summarizeFiltersByQueryAndAnswersPlainJsonWithoutAProgressToken() {
        create("Groceries", "milk eggs bread", "home");
        List<JsonObject> messages = client.exchange("tools/call", Json.object("name", "summarize_notes",
                "arguments", Json.object("query", "nothing-matches")));
        assertThat(messages).hasSize(1);
        assertThat(text(messages.get(0).object("result"))).isEqualTo("No notes matching \"nothing-matches\".");
    }

    @Test
    void notesOutliveTheServer() {
        create("Groceries", "milk");
        platform.close();
        assertThat(dataDir.resolve("notes.db")).exists();
        try (var reopened = new JvmPlatform("notes", Map.of(JvmPlatform.DATA_DIR, dataDir.toString()))) {
            var again = new McpClient(new NotesApp().create(reopened));
            JsonObject contents = again.result("resources/read", Json.object("uri", "notes://1")).array("contents").get(0).asObject();
            assertThat(contents.string("text")).startsWith("# Groceries");
            JsonObject next = again.callTool("create_note", Json.object("title", "Second", "body", "b"));
            assertThat(next.object("structuredContent").number("id").longValue()).isEqualTo(2);
            assertThat(again.reportedErrors).isEmpty();
        }
        assertThat(Files.isRegularFile(dataDir.resolve("notes.db"))).isTrue();
    }
}
