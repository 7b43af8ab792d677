package dev.jmcp.examples.notes;

import dev.jmcp.Arg;
import dev.jmcp.Completer;
import dev.jmcp.Content;
import dev.jmcp.ElicitResult;
import dev.jmcp.Elicitation;
import dev.jmcp.LogLevel;
import dev.jmcp.McpException;
import dev.jmcp.McpServer;
import dev.jmcp.PromptMessage;
import dev.jmcp.PromptResult;
import dev.jmcp.ResourceContents;
import dev.jmcp.ResourceResult;
import dev.jmcp.ToolError;
import dev.jmcp.ToolResult;
import dev.jmcp.examples.notes.NoteStore.Note;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The notes server: tools to create, search, update, delete and summarise notes, a resource per note and an
 * index, and a prompt that asks for a review of one note. It names no platform; {@link NotesApp} gives it a store.
 *
 * <pre>{@code
 * McpServer server = Notes.server(new SqlNoteStore(database, Clock.systemUTC()));
 * }</pre>
 */
public final class Notes {
    /** summarize_notes reads at most this many notes. */
    static final int MAX_SUMMARIZED = 500;
    private static final int EXCERPT_CHARS = 160;
    private static final int TOP_TAGS = 5;
    private static final String HOW_TO_FIND_IDS =
            "Use search_notes to find a note's id (an empty query lists the most recent notes), or read notes://index for every id and title.";

    static final Arg<Integer> ID = Arg.integer("id").range(1, Integer.MAX_VALUE)
            .description("The note's id, as create_note and search_notes report it");
    static final Arg<String> TITLE = Arg.string("title").range(1, 200)
            .description("A short title, shown in search results and lists");
    static final Arg<String> BODY = Arg.string("body")
            .description("The note's text; Markdown is fine");
    static final Arg<List<String>> TAGS = Arg.strings("tags").optional()
            .description("Labels for grouping and search, e.g. [\"work\", \"ideas\"]");
    static final Arg<String> NEW_TITLE = TITLE.optional()
            .description("The new title; leave out to keep the current one");
    static final Arg<String> NEW_BODY = BODY.optional()
            .description("The new text, replacing the whole body; leave out to keep the current one");
    static final Arg<List<String>> NEW_TAGS = TAGS
            .description("The new tags, replacing all current ones ([] removes them); leave out to keep the current ones");
    static final Arg<String> QUERY = Arg.string("query").orElse("")
            .description("Words to look for in titles, bodies and tags, case-insensitively; a note must contain every word. Empty matches every note.");
    static final Arg<Integer> LIMIT = Arg.integer("limit").range(1, 50).orElse(10)
            .description("The most notes to return");
    static final Arg<String> PROMPT_ID = Arg.string("id")
            .description("The id of the note to review; completion suggests ids whose note title starts with what you type");

    static final JsonObject NOTE_REF = Json.object(
            "type", "object",
            "properties", Json.object(
                    "id", Json.object("type", "integer", "description", "The note's id"),
                    "title", Json.object("type", "string"),
                    "tags", Json.object("type", "array", "items", Json.object("type", "string"))),
            "required", Json.array("id", "title", "tags"));

    static final JsonObject SEARCH_RESULT = Json.object(
            "type", "object",
            "properties", Json.object("notes", Json.object(
                    "type", "array",
                    "items", Json.object(
                            "type", "object",
                            "properties", Json.object(
                                    "id", Json.object("type", "integer"),
                                    "title", Json.object("type", "string"),
                                    "tags", Json.object("type", "array", "items", Json.object("type", "string")),
                                    "excerpt", Json.object("type", "string", "description", "The start of the body"),
                                    "updatedAt", Json.object("type", "string", "description", "ISO-8601, UTC")),
                            "required", Json.array("id", "title", "tags", "excerpt", "updatedAt")))),
            "required", Json.array("notes"));

    private Notes() {
    }

    public static McpServer server(NoteStore store) {
        Completer idsByTitle = (prefix, context) -> idsByTitle(store, prefix);
        return McpServer.create("notes", "0.1.0", mcp -> mcp
                .title("Notes")
                .description("Personal notes with titles, Markdown bodies and tags")
                .instructions("This server keeps the user's notes. Search before creating, to avoid duplicates. "
                        + "Tools take note ids; " + HOW_TO_FIND_IDS + " Read notes://{id} for a whole note.")

                .tool("create_note", tool -> tool
                        .title("Create a note")
                        .description("Save a new note. Returns its id, which update_note, delete_note and the "
                                + "notes://{id} resource take.")
                        .args(TITLE, BODY, TAGS)
                        .outputSchema(NOTE_REF)
                        .openWorld(false)
                        .handle(call -> {
                            String title = requireText(call.get(TITLE), "title");
                            Note note = store.create(title, call.get(BODY), call.find(TAGS).orElse(List.of()));
                            return ToolResult.structured(ref(note));
                        }))

                .tool("search_notes", tool -> tool
                        .title("Search notes")
                        .description("Find notes whose title, body or tags contain every word of the query "
                                + "(case-insensitive), most recently changed first. An empty query lists the most "
                                + "recent notes. Each result has the id, title, tags, the start of the body and when it "
                                + "last changed; read notes://{id} for the whole note.")
                        .args(QUERY, LIMIT)
                        .outputSchema(SEARCH_RESULT)
                        .readOnly()
                        .openWorld(false)
                        .handle(call -> {
                            var found = new ArrayList<Json>();
                            for (Note note : store.search(call.get(QUERY), call.get(LIMIT))) {
                                found.add(Json.object("id", note.id(), "title", note.title(), "tags", note.tags(),
                                        "excerpt", excerpt(note.body()), "updatedAt", note.updatedAt().toString()));
                            }
                            return ToolResult.structured(Json.object("notes", Json.array(found)));
                        }))

                .tool("update_note", tool -> tool
                        .title("Update a note")
                        .description("Change a note's title, body or tags; what you leave out keeps its value. "
                                + "Body and tags are replaced as a whole, not appended to.")
                        .args(ID, NEW_TITLE, NEW_BODY, NEW_TAGS)
                        .outputSchema(NOTE_REF)
                        .idempotent()
                        .openWorld(false)
                        .handle(call -> {
                            int id = call.get(ID);
                            String title = call.find(NEW_TITLE).map(t -> requireText(t, "title")).orElse(null);
                            String body = call.find(NEW_BODY).orElse(null);
                            List<String> tags = call.find(NEW_TAGS).orElse(null);
                            if (title == null && body == null && tags == null) {
                                throw new ToolError("Nothing to change in note " + id + ": give a new title, body or tags.");
                            }
                            Note note = store.update(id, title, body, tags).orElseThrow(() -> unknown(id));
                            return ToolResult.structured(ref(note));
                        }))

                .tool("delete_note", tool -> tool
                        .title("Delete a note")
                        .description("Delete a note for good. Clients that can ask the user are asked to confirm first. "
                                + "Deleting a note that does not exist changes nothing, so a retry is safe.")
                        .args(ID)
                        .destructive()
                        .idempotent()
                        .openWorld(false)
                        .handle(call -> {
                            int id = call.get(ID);
                            Optional<Note> note = store.get(id);
                            if (note.isPresent() && call.clientCapabilities().has("elicitation")) {
                                // ask before deleting; over MCP 2026-07-28 this is a round trip, over a 2025 session a request
                                ElicitResult answer = call.elicit("confirm_delete", Elicitation.form(
                                        "Delete note " + id + " \"" + note.get().title() + "\"? This cannot be undone.", CONFIRM));
                                if (!answer.accepted() || !answer.content().has("confirm") || !answer.content().bool("confirm")) {
                                    return ToolResult.text("Kept note " + id + ": the user did not confirm the deletion.");
                                }
                            }
                            return ToolResult.text(store.delete(id)
                                    ? "Deleted note " + id + "."
                                    : "There is no note " + id + " (already deleted?); nothing changed.");
                        }))

                .tool("summarize_notes", tool -> tool
                        .title("Summarize notes")
                        .description("Read every note that matches the query (all notes when it is empty; at most "
                                + MAX_SUMMARIZED + ", most recent first) and report each one's word count and the "
                                + "most used tags. Reports progress note by note.")
                        .args(QUERY)
                        .readOnly()
                        .openWorld(false)
                        .handle(call -> {
                            String query = call.get(QUERY);
                            List<Note> notes = store.search(query, MAX_SUMMARIZED);
                            int n = notes.size();
                            call.log(LogLevel.INFO, "notes", Json.string("Summarizing " + count(n, "note") + matching(query)));
                            var lines = new StringBuilder();
                            var tagCounts = new LinkedHashMap<String, Integer>();
                            long totalWords = 0;
                            for (int i = 0; i < n; i++) {
                                if (call.isCancelled()) return ToolResult.text("Cancelled after " + i + " of " + n + " notes.");
                                Note note = notes.get(i);
                                int words = wordCount(note.body());
                                totalWords += words;
                                for (String tag : note.tags()) tagCounts.merge(tag, 1, Integer::sum);
                                lines.append("- #").append(note.id()).append(" \"").append(note.title()).append("\": ")
                                        .append(count(words, "word")).append('\n');
                                call.progress(i + 1, (double) n, "Read note " + (i + 1) + " of " + n);
                            }
                            call.log(LogLevel.INFO, "notes", Json.string("Summarized " + count(n, "note") + ", " + count(totalWords, "word")));
                            if (n == 0) return ToolResult.text("No notes" + matching(query) + ".");
                            return ToolResult.text(count(n, "note") + matching(query) + ", " + count(totalWords, "word")
                                    + " in all:\n" + lines + "Top tags: " + topTags(tagCounts));
                        }))

                .resource("notes://index", res -> res
                        .name("index")
                        .title("All notes")
                        .description("Every note's id, title and URI as a JSON array, by id. Read notes://{id} for one note.")
                        .mimeType("application/json")
                        .read(read -> {
                            var index = new ArrayList<Json>();
                            for (NoteStore.Title t : store.titles()) {
                                index.add(Json.object("id", t.id(), "title", t.title(), "uri", "notes://" + t.id()));
                            }
                            return ResourceResult.text(read.uri(), "application/json", Json.write(Json.array(index)));
                        }))

                .resourceTemplate("notes://{id}", res -> res
                        .name("note")
                        .title("A note")
                        .description("One note as Markdown: the title as a heading, the body, then its tags. "
                                + "Ids come from search_notes or notes://index; completion matches titles.")
                        .mimeType("text/markdown")
                        .complete("id", idsByTitle)
                        .read(read -> {
                            Note note = parseId(read.var("id")).flatMap(store::get)
                                    .orElseThrow(() -> McpException.resourceNotFound(read.uri()));
                            return ResourceResult.text(read.uri(), "text/markdown", markdown(note));
                        }))

                .prompt("review_note", prompt -> prompt
                        .title("Review a note")
                        .description("Ask for a critique of one note: accuracy of the title, clarity and gaps in the "
                                + "body, fit of the tags, and up to three concrete edits.")
                        .args(PROMPT_ID)
                        .complete(PROMPT_ID, idsByTitle)
                        .render(call -> {
                            String given = call.get(PROMPT_ID);
                            Note note = parseId(given).flatMap(store::get).orElseThrow(() -> McpException.invalidParams(
                                    "No note has id \"" + given + "\". Complete the id argument to pick a note by title, "
                                            + "or read notes://index."));
                            String uri = "notes://" + note.id();
                            return new PromptResult("Review of note " + note.id() + " \"" + note.title() + "\"", List.of(
                                    PromptMessage.user(Content.resource(ResourceContents.text(uri, "text/markdown", markdown(note)))),
                                    PromptMessage.user("Please review the note above (" + uri + "). Is the title accurate? "
                                            + "Is the body clear and complete; what is missing, vague or wrong? Do the tags "
                                            + "fit, and would others help? End with at most three concrete edits, each "
                                            + "phrased so it can be applied with the update_note tool.")));
                        })));
    }

    /** The confirmation form of delete_note: one required boolean. */
    static final JsonObject CONFIRM = Json.object("type", "object",
            "properties", Json.object("confirm", Json.object("type", "boolean", "title", "Delete the note")),
            "required", Json.array("confirm"));

    /** Markdown for notes://{id} and the review prompt. */
    static String markdown(Note note) {
        return "# " + note.title() + "\n\n" + note.body() + "\n\ntags: "
                + (note.tags().isEmpty() ? "(none)" : String.join(", ", note.tags())) + "\n";
    }

    private static JsonObject ref(Note note) {
        return Json.object("id", note.id(), "title", note.title(), "tags", note.tags());
    }

    private static ToolError unknown(int id) {
        return new ToolError("No note has id " + id + ". " + HOW_TO_FIND_IDS);
    }

    private static String requireText(String value, String name) {
        if (value.isBlank()) throw new ToolError("The " + name + " must not be blank.");
        return value.strip();
    }

    private static Optional<Long> parseId(String text) {
        try {
            long id = Long.parseLong(text.strip());
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Ids whose id or title starts with the prefix (ignoring case), by id. */
    private static List<String> idsByTitle(NoteStore store, String prefix) {
        String p = prefix.strip().toLowerCase(Locale.ROOT);
        var ids = new ArrayList<String>();
        for (NoteStore.Title t : store.titles()) {
            String id = Long.toString(t.id());
            if (id.startsWith(p) || t.title().toLowerCase(Locale.ROOT).startsWith(p)) ids.add(id);
        }
        return ids;
    }

    private static String excerpt(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() <= EXCERPT_CHARS ? flat : flat.substring(0, EXCERPT_CHARS - 3) + "...";
    }

    private static int wordCount(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String matching(String query) {
        return query.isBlank() ? "" : " matching \"" + query.strip() + "\"";
    }

    private static String topTags(Map<String, Integer> counts) {
        if (counts.isEmpty()) return "(none)";
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_TAGS)
                .map(e -> e.getKey() + " (" + e.getValue() + ")")
                .reduce((a, b) -> a + ", " + b)
                .orElseThrow();
    }
}
