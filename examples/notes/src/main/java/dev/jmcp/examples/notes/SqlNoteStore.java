package dev.jmcp.examples.notes;

import dev.jmcp.SqlDatabase;
import dev.jmcp.json.Json;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Notes in a {@link SqlDatabase}, in SQL that SQLite (locally, and D1 on Workers) and PostgreSQL both run.
 *
 * <p>The tables are created on first use, so building a store costs nothing at start-up. Times are stored as
 * ISO-8601 text truncated to the second ({@code 2025-01-31T09:15:00Z}): every value then has the same length and
 * text order is time order, which {@code ORDER BY updated_at} relies on.
 *
 * <p><b>Ids.</b> They come from a one-row counter, bumped with {@code UPDATE ... RETURNING}. That is portable where
 * auto-increment is not (SQLite's {@code INTEGER PRIMARY KEY} versus PostgreSQL's identity columns), never hands
 * out an id twice (unlike {@code MAX(id) + 1}, which reuses the id of a deleted newest note, so a model holding
 * a stale id would change the wrong note), and is safe with concurrent writers (PostgreSQL locks the row; SQLite
 * serialises writes). A failed insert just skips an id.
 */
public final class SqlNoteStore implements NoteStore {
    private static final String COLUMNS = "id, title, body, tags, created_at, updated_at";
    /** Words of a search query beyond this many are ignored: each one adds three LIKE tests. */
    static final int MAX_QUERY_WORDS = 10;

    private final SqlDatabase db;
    private final Clock clock;
    private boolean ready; // guarded by this

    public SqlNoteStore(SqlDatabase db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Note create(String title, String body, List<String> tags) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        List<String> normalized = normalizeTags(tags == null ? List.of() : tags);
        ready();
        long id = db.query("UPDATE note_ids SET last_id = last_id + 1 WHERE name = 'notes' RETURNING last_id")
                .get(0).get("last_id").asNumber().longValue();
        Instant now = now();
        db.execute("INSERT INTO notes (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                id, title, body, String.join(",", normalized), now.toString(), now.toString());
        return new Note(id, title, body, normalized, now, now);
    }

    @Override
    public Optional<Note> get(long id) {
        ready();
        return db.query("SELECT " + COLUMNS + " FROM notes WHERE id = ?", id).stream().findFirst().map(SqlNoteStore::note);
    }

    @Override
    public List<Note> search(String query, int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit < 1: " + limit);
        ready();
        var sql = new StringBuilder("SELECT " + COLUMNS + " FROM notes");
        var params = new ArrayList<Object>();
        String[] words = query == null || query.isBlank() ? new String[0] : query.strip().split("\\s+");
        for (int i = 0; i < Math.min(words.length, MAX_QUERY_WORDS); i++) {
            // Lower-casing both sides makes LIKE case-insensitive on PostgreSQL too. (SQLite's LOWER only folds ASCII.)
            String pattern = "%" + escapeLike(words[i].toLowerCase(Locale.ROOT)) + "%";
            sql.append(i == 0 ? " WHERE " : " AND ")
                    .append("(LOWER(title) LIKE ? ESCAPE '\\' OR LOWER(body) LIKE ? ESCAPE '\\' OR LOWER(tags) LIKE ? ESCAPE '\\')");
            params.addAll(List.of(pattern, pattern, pattern));
        }
        sql.append(" ORDER BY updated_at DESC, id DESC LIMIT ?");
        params.add(limit);
        return db.query(sql.toString(), params.toArray()).stream().map(SqlNoteStore::note).toList();
    }

    @Override
    public Optional<Note> update(long id, String title, String body, List<String> tags) {
        Optional<Note> current = get(id);
        if (current.isEmpty()) return Optional.empty();
        Note old = current.get();
        var changed = new Note(id, title != null ? title : old.title(), body != null ? body : old.body(),
                tags != null ? normalizeTags(tags) : old.tags(), old.createdAt(), now());
        long rows = db.execute("UPDATE notes SET title = ?, body = ?, tags = ?, updated_at = ? WHERE id = ?",
                changed.title(), changed.body(), String.join(",", changed.tags()), changed.updatedAt().toString(), id);
        return rows == 0 ? Optional.empty() : Optional.of(changed); // 0: deleted since we read it
    }

    @Override
    public boolean delete(long id) {
        ready();
        return db.execute("DELETE FROM notes WHERE id = ?", id) > 0;
    }

    @Override
    public List<Title> titles() {
        ready();
        return db.query("SELECT id, title FROM notes ORDER BY id").stream()
                .map(row -> new Title(row.get("id").asNumber().longValue(), row.get("title").asString()))
                .toList();
    }

    private synchronized void ready() {
        if (ready) return;
        db.execute("""
                CREATE TABLE IF NOT EXISTS notes (
                    id INTEGER PRIMARY KEY,
                    title TEXT NOT NULL,
                    body TEXT NOT NULL,
                    tags TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                )""");
        db.execute("CREATE TABLE IF NOT EXISTS note_ids (name TEXT PRIMARY KEY, last_id INTEGER NOT NULL)");
        db.execute("INSERT INTO note_ids (name, last_id) VALUES ('notes', 0) ON CONFLICT (name) DO NOTHING");
        ready = true;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static Note note(Map<String, Json> row) {
        String tags = row.get("tags").asString();
        return new Note(row.get("id").asNumber().longValue(), row.get("title").asString(), row.get("body").asString(),
                tags.isEmpty() ? List.of() : Arrays.asList(tags.split(",")),
                Instant.parse(row.get("created_at").asString()), Instant.parse(row.get("updated_at").asString()));
    }

    static List<String> normalizeTags(List<String> tags) {
        var out = new LinkedHashSet<String>();
        for (String tag : tags) {
            for (String part : tag.split(",")) {
                if (!part.isBlank()) out.add(part.strip());
            }
        }
        return List.copyOf(out);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
