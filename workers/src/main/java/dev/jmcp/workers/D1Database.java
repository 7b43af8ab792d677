package dev.jmcp.workers;

import dev.jmcp.SqlDatabase;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonArray;
import dev.jmcp.json.JsonBoolean;
import dev.jmcp.json.JsonNull;
import dev.jmcp.json.JsonNumber;
import dev.jmcp.json.JsonObject;
import dev.jmcp.json.JsonString;
import org.teavm.jso.JSObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Workers runtime's {@link SqlDatabase}: a Cloudflare D1 database (SQLite) reached through a D1 binding of the
 * Worker ({@code env.DB} unless the var {@code JMCP_D1_BINDING} names another).
 *
 * <p><b>Synchronous over an asynchronous API.</b> D1's JavaScript API answers with Promises, while
 * {@code SqlDatabase} returns results. On Workers each statement suspends the WebAssembly stack of the request
 * that runs it until D1 answers (WebAssembly JavaScript Promise Integration, see {@code workers/README.md}); the
 * isolate serves other requests meanwhile. So handlers stay plain Java, but two requests of one isolate may
 * interleave at their statements, as two threads would, and {@code synchronized} does not keep them apart (TeaVM
 * runs every request on its one thread, so the monitor is re-entered, not waited for): keep shared state consistent
 * across a statement (the notes example only caches "tables exist", which is safe to set twice). A statement at
 * application start-up, outside a request, fails with a message saying so; don't run one in a static initializer.
 *
 * <p><b>Values.</b> Parameters bind from {@code String}, {@code Integer}, {@code Long}, {@code Short},
 * {@code Byte}, {@code Double}, {@code Float}, {@code Boolean} (as 1 or 0, as SQLite stores it), {@code null} and
 * the JSON scalars. D1 carries numbers as JavaScript doubles, so a {@code long} beyond ±(2<sup>53</sup>−1) is
 * refused rather than rounded (bind it as text). Each row maps lower-case column labels to JSON: numbers, strings,
 * {@link JsonNull#NULL}, and a BLOB as its base64 text.
 *
 * <p><b>Errors.</b> A failing statement throws {@link Failure}, whose message carries D1's message and the statement
 * (its first 200 characters). In a tool handler it becomes a tool error and the runtime logs the message.
 */
public final class D1Database implements SqlDatabase {
    /** The largest integer a double holds exactly. */
    static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
    private static final int SQL_SHOWN = 200;

    /**
     * Carries one statement to D1 and back, as JSON text. The request is
     * {@code {"sql": "...", "params": [...], "rows": true|false}}; the answer is {@code {"rows": [{...}, ...]}} for
     * {@code rows: true}, {@code {"changes": n}} otherwise, or {@code {"error": "D1's message"}}. On Workers it is
     * {@link JsD1}; a test may supply its own.
     */
    @FunctionalInterface
    public interface Statements {
        String run(String request);
    }

    /** A statement D1 refused or could not run; the message names D1's reason and the statement. */
    public static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Failure(String message) {
            super(message);
        }
    }

    private final String binding;
    private final Statements statements;

    /**
     * The D1 database bound as {@code env[name]}, reached through JSPI; empty when the Worker has no D1 binding of
     * that name.
     *
     * @param env the Worker's {@code env} object
     */
    public static Optional<D1Database> of(JSObject env, String name) {
        if (!JsD1.isD1(env, name)) return Optional.empty();
        return Optional.of(new D1Database(name, new JsD1(WorkersPlatform.binding(env, name))));
    }

    /** @param binding the binding's name, for messages */
    public D1Database(String binding, Statements statements) {
        this.binding = Objects.requireNonNull(binding, "binding");
        this.statements = Objects.requireNonNull(statements, "statements");
    }

    /** The name of the Worker's binding. */
    public String binding() {
        return binding;
    }

    @Override
    public long execute(String sql, Object... params) {
        JsonObject answer = run(sql, params, false);
        Json changes = answer.get("changes");
        if (changes == null) return 0L; // D1 reports no count for some statements (e.g. CREATE TABLE)
        return changes.asNumber().longValue();
    }

    @Override
    public List<Map<String, Json>> query(String sql, Object... params) {
        JsonObject answer = run(sql, params, true);
        Json rows = answer.get("rows");
        if (!(rows instanceof JsonArray array)) {
            throw new Failure("D1 answered without rows for: " + shorten(sql));
        }
        var out = new ArrayList<Map<String, Json>>(array.size());
        for (Json row : array) {
            var columns = new LinkedHashMap<String, Json>();
            for (Map.Entry<String, Json> column : row.asObject().members().entrySet()) {
                columns.put(column.getKey().toLowerCase(Locale.ROOT), column.getValue());
            }
            out.add(columns);
        }
        return out;
    }

    @Override
    public String toString() {
        return "D1Database[" + binding + "]";
    }

    private JsonObject run(String sql, Object[] params, boolean rows) {
        Objects.requireNonNull(sql, "sql");
        String request = Json.write(Json.object("sql", sql, "params", bind(sql, params), "rows", rows));
        String text = statements.run(request);
        if (text == null) throw new Failure("D1 binding " + binding + " gave no answer for: " + shorten(sql));
        JsonObject answer = Json.parse(text).asObject();
        String error = answer.optString("error");
        if (error != null) throw new Failure("D1 statement failed: " + error + " in: " + shorten(sql));
        return answer;
    }

    private static JsonArray bind(String sql, Object[] params) {
        var values = new ArrayList<Json>();
        if (params == null) return Json.array(values);
        for (int i = 0; i < params.length; i++) {
            int index = i + 1;
            Object p = params[i];
            values.add(switch (p) {
                case null -> JsonNull.NULL;
                case String s -> new JsonString(s);
                case Integer n -> JsonNumber.of(n.longValue());
                case Short n -> JsonNumber.of(n.longValue());
                case Byte n -> JsonNumber.of(n.longValue());
                case Long n -> JsonNumber.of(safe(n, index, sql));
                case Double d -> JsonNumber.of(finite(d, index, sql));
                case Float f -> JsonNumber.of(finite(f.doubleValue(), index, sql));
                case Boolean b -> JsonNumber.of(b ? 1L : 0L);
                case JsonNull n -> n;
                case JsonString s -> s;
                case JsonBoolean b -> JsonNumber.of(b.value() ? 1L : 0L);
                case JsonNumber n when n.fitsLong() -> JsonNumber.of(safe(n.longValue(), index, sql));
                case JsonNumber n -> JsonNumber.of(finite(n.doubleValue(), index, sql));
                default -> throw new IllegalArgumentException("parameter " + index + " of " + shorten(sql) + " is a "
                        + p.getClass().getName() + "; bind a String, Integer, Long, Double, Boolean, null or a JSON scalar");
            });
        }
        return Json.array(values);
    }

    private static long safe(long n, int index, String sql) {
        if (n > MAX_SAFE_INTEGER || n < -MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException("parameter " + index + " of " + shorten(sql) + " is " + n
                    + ", beyond the ±(2^53-1) that D1 carries exactly (its numbers are JavaScript doubles); bind it as a String");
        }
        return n;
    }

    private static double finite(double d, int index, String sql) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("parameter " + index + " of " + shorten(sql) + " is " + d
                    + ", which D1 cannot store; bind a finite number or null");
        }
        return d;
    }

    private static String shorten(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() <= SQL_SHOWN ? flat : flat.substring(0, SQL_SHOWN) + "...";
    }
}
