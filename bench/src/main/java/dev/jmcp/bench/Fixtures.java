package dev.jmcp.bench;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonArray;
import dev.jmcp.json.JsonObject;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The data every benchmark uses, generated the same way on every run: a seeded {@link Random} (its algorithm is
 * fixed by the JDK specification) picks words, so the bytes are identical from run to run and machine to machine.
 *
 * <p>The load test serves {@link #catalog()} from all three servers, which read it from the file
 * {@link #writeCatalog} writes, so each returns exactly the same structured result. The JMH codec benchmark parses and
 * writes the four {@link Message}s: shapes and sizes as MCP traffic has them, with the escapes, decimals and
 * non-ASCII text that real payloads carry.
 */
public final class Fixtures {
    /** The text tool's argument in every load-test request. */
    public static final String ECHO_TEXT = "Hello from the jmcp benchmark";

    /** The messages of the codec benchmark. */
    public enum Message {
        /** A tools/list result with 50 tools (descriptions, input schemas, annotations): about 24 KB. */
        TOOLS_LIST,
        /** A tools/call request with arguments and a progress token: about 200 bytes. */
        CALL_REQUEST,
        /** The catalog tool's tools/call result: the catalog as structured content and as escaped JSON text; about 22 KB. */
        CALL_RESULT,
        /** A resources/read result with 100 KB of Markdown (newlines, quotes, some non-ASCII). */
        RESOURCE_READ
    }

    private static final String[] WORDS = ("the of and to in is for on that with as by this from at are be or an it not "
            + "server client request response tool resource prompt schema session stream token cache index query note "
            + "report invoice customer order shipment warehouse forecast budget quarter region metric latency error "
            + "retry timeout deploy release build test review draft summary archive search filter update delete create "
            + "list read write value field record table column user account project team meeting calendar document").split(" ");
    private static final String[] ACCENTED = {"café", "naïve", "Zürich", "São Paulo", "Ærø", "façade", "déjà vu", "Kraków"};
    private static final String[] SYMBOLS = {"—", "→", "€", "±", "“quoted”", "✓", "😀"};
    private static final String[] CATEGORIES = {"tools", "garden", "kitchen", "office", "outdoor", "lighting", "storage"};

    private Fixtures() {
    }

    /** The structured result of the load test's {@code catalog} tool: 48 products, about 10 KB of JSON. */
    public static JsonObject catalog() {
        var random = new Random(4);
        var items = new ArrayList<Json>();
        for (int i = 1; i <= 48; i++) {
            String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            items.add(Json.object(
                    "sku", "SKU-" + (10000 + i * 37),
                    "name", capitalize(words(random, 2 + random.nextInt(3))),
                    "category", category,
                    "price", new BigDecimal(random.nextInt(20000)).movePointLeft(2).add(BigDecimal.ONE),
                    "currency", "EUR",
                    "inStock", random.nextInt(4) != 0,
                    "quantity", random.nextInt(500),
                    "tags", Json.array(CATEGORIES[random.nextInt(CATEGORIES.length)], WORDS[random.nextInt(WORDS.length)]),
                    "dimensionsMm", Json.object("width", 10 + random.nextInt(900), "height", 10 + random.nextInt(900),
                            "depth", 10 + random.nextInt(900))));
        }
        return Json.object("items", Json.array(items), "total", 48, "page", 1, "nextCursor", "eyJwYWdlIjoyfQ");
    }

    /** Writes {@link #catalog()} as {@code catalog.json} into {@code dir}, for the peer servers to load. */
    public static Path writeCatalog(Path dir) throws IOException {
        Files.createDirectories(dir);
        return Files.write(dir.resolve("catalog.json"), Json.writeUtf8(catalog()));
    }

    /** The JSON-RPC body of a tools/call of {@code echo} (with {@link #ECHO_TEXT}) or {@code catalog}. */
    public static String callBody(String tool) {
        JsonObject arguments = tool.equals("echo") ? Json.object("text", ECHO_TEXT) : Json.object();
        return Json.write(Json.object("jsonrpc", "2.0", "id", 1, "method", "tools/call",
                "params", Json.object("name", tool, "arguments", arguments)));
    }

    /** One message of the codec benchmark as UTF-8 bytes. */
    public static byte[] message(Message message) {
        return Json.writeUtf8(switch (message) {
            case TOOLS_LIST -> toolsList();
            case CALL_REQUEST -> callRequest();
            case CALL_RESULT -> callResult();
            case RESOURCE_READ -> resourceRead();
        });
    }

    private static JsonObject toolsList() {
        var random = new Random(50);
        var tools = new ArrayList<Json>();
        for (int i = 1; i <= 50; i++) {
            String noun = WORDS[40 + random.nextInt(WORDS.length - 40)];
            String verb = List.of("search", "get", "create", "update", "delete", "list", "export").get(random.nextInt(7));
            var properties = Json.object(
                    "query", Json.object("type", "string", "description", capitalize(words(random, 8)) + "."),
                    "limit", Json.object("type", "integer", "minimum", 1, "maximum", 100, "default", 20,
                            "description", "Maximum number of results to return"),
                    "includeArchived", Json.object("type", "boolean", "default", false),
                    "tags", Json.object("type", "array", "items", Json.object("type", "string"),
                            "description", capitalize(words(random, 5)) + "."));
            tools.add(Json.object(
                    "name", verb + "_" + noun + "_" + i,
                    "title", capitalize(verb + " " + noun),
                    "description", capitalize(words(random, 18 + random.nextInt(20))) + ". Returns at most `limit` "
                            + "results; use \"tags\" to narrow them down.",
                    "inputSchema", Json.object("type", "object", "properties", properties, "required", Json.array("query"),
                            "additionalProperties", false),
                    "annotations", Json.object("readOnlyHint", !verb.equals("delete") && !verb.equals("update"),
                            "destructiveHint", verb.equals("delete"), "openWorldHint", false)));
        }
        return Json.object("jsonrpc", "2.0", "id", 2, "result", Json.object("tools", Json.array(tools),
                "nextCursor", "eyJvZmZzZXQiOjUwfQ"));
    }

    private static JsonObject callRequest() {
        return Json.object("jsonrpc", "2.0", "id", 42, "method", "tools/call", "params", Json.object(
                "name", "search_invoice_7",
                "arguments", Json.object("query", "overdue invoices for Zürich customers", "limit", 25,
                        "includeArchived", false, "tags", Json.array("finance", "2026-q3")),
                "_meta", Json.object("progressToken", "tok-7f3a9c")));
    }

    private static JsonObject callResult() {
        JsonObject catalog = catalog();
        return Json.object("jsonrpc", "2.0", "id", 42, "result", Json.object(
                "content", Json.array(Json.object("type", "text", "text", Json.write(catalog))),
                "structuredContent", catalog));
    }

    private static JsonObject resourceRead() {
        var random = new Random(100);
        var text = new StringBuilder(110_000);
        int section = 0;
        while (text.length() < 100_000) {
            if (random.nextInt(12) == 0) {
                text.append("\n## ").append(++section).append(". ").append(capitalize(words(random, 4))).append("\n\n");
            }
            var line = new StringBuilder(capitalize(words(random, 6 + random.nextInt(10))));
            if (random.nextInt(3) == 0) line.append(' ').append(ACCENTED[random.nextInt(ACCENTED.length)]);
            if (random.nextInt(6) == 0) line.append(' ').append(SYMBOLS[random.nextInt(SYMBOLS.length)]);
            if (random.nextInt(8) == 0) line.append(" \"").append(words(random, 2)).append('"');
            if (random.nextInt(10) == 0) line.insert(0, "- ");
            if (random.nextInt(25) == 0) line.insert(0, "\t");
            text.append(line).append(".\n");
        }
        return Json.object("jsonrpc", "2.0", "id", 7, "result", Json.object("contents", Json.array(Json.object(
                "uri", "file:///docs/handbook.md", "mimeType", "text/markdown", "text", text.toString()))));
    }

    private static String words(Random random, int count) {
        var out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) out.append(' ');
            out.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return out.toString();
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Sizes of the fixtures, for the report. */
    static JsonArray describe() {
        var out = new ArrayList<Json>();
        out.add(Json.object("name", "catalog", "bytes", Json.writeUtf8(catalog()).length));
        for (Message m : Message.values()) out.add(Json.object("name", m.name(), "bytes", message(m).length));
        return Json.array(out);
    }
}
