package dev.jmcp.examples.notes;

import dev.jmcp.SqlDatabase;
import dev.jmcp.examples.notes.NoteStore.Note;
import dev.jmcp.json.Json;
import dev.jmcp.server.JdbcDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link SqlNoteStore} on SQLite through {@link JdbcDatabase}. */
class SqlNoteStoreTest {
    @TempDir
    Path dir;
    JdbcDatabase db;
    SqlNoteStore store;

    SqlNoteStore open() {
        db = new JdbcDatabase("jdbc:sqlite:" + dir.resolve("notes.db"));
        store = new SqlNoteStore(db, new SteppingClock());
        return store;
    }

    @AfterEach
    void close() {
        if (db != null) db.close();
    }

    @Test
    void buildingAStoreRunsNoStatement() {
        SqlDatabase untouchable = new SqlDatabase() {
            @Override
            public long execute(String sql, Object... params) {
                throw new AssertionError("ran " + sql);
            }

            @Override
            public List<Map<String, Json>> query(String sql, Object... params) {
                throw new AssertionError("ran " + sql);
            }
        };
        new SqlNoteStore(untouchable, new SteppingClock());
    }

    @Test
    void aCreatedNoteReadsBackWithItsTimes() {
        Note created = open().create("Groceries", "milk", List.of("home"));
        assertThat(created).isEqualTo(new Note(1, "Groceries", "milk", List.of("home"), SteppingClock.START, SteppingClock.START));
        assertThat(store.get(1)).contains(created);
        assertThat(store.get(2)).isEmpty();
    }

    @Test
    void idsAreNeverHandedOutTwiceEvenAfterDeletingTheNewestNote() {
        open();
        store.create("a", "", List.of());
        store.create("b", "", List.of());
        assertThat(store.delete(2)).isTrue();
        assertThat(store.create("c", "", List.of()).id()).isEqualTo(3);
        assertThat(store.titles()).containsExactly(new NoteStore.Title(1, "a"), new NoteStore.Title(3, "c"));
    }

    @Test
    void searchMatchesEveryWordInTitleBodyOrTagsIgnoringCase() {
        open();
        store.create("Server ideas", "write it in Java", List.of("work"));
        store.create("Groceries", "java beans, milk", List.of("home"));
        assertThat(titles(store.search("JAVA", 10))).containsExactly("Groceries", "Server ideas");
        assertThat(titles(store.search("java work", 10))).as("words from body and tags").containsExactly("Server ideas");
        assertThat(titles(store.search("java  ideas\twork", 10))).containsExactly("Server ideas");
        assertThat(titles(store.search("java missing", 10))).isEmpty();
        assertThat(titles(store.search("  ", 1))).as("blank matches all, newest first, limited").containsExactly("Groceries");
    }

    @Test
    void likeWildcardsInAQueryMatchOnlyThemselves() {
        open();
        store.create("100% done", "", List.of());
        store.create("1000 done", "", List.of());
        store.create("snake_case", "", List.of());
        store.create("snakeXcase", "", List.of());
        store.create("back\\slash", "", List.of());
        assertThat(titles(store.search("100%", 10))).containsExactly("100% done");
        assertThat(titles(store.search("snake_", 10))).containsExactly("snake_case");
        assertThat(titles(store.search("k\\s", 10))).containsExactly("back\\slash");
    }

    @Test
    void anUpdateKeepsWhatItIsNotGivenAndMovesUpdatedAt() {
        open();
        Note original = store.create("Groceries", "milk", List.of("home"));
        Note changed = store.update(1, null, "milk, eggs", null).orElseThrow();
        assertThat(changed.title()).isEqualTo("Groceries");
        assertThat(changed.body()).isEqualTo("milk, eggs");
        assertThat(changed.tags()).containsExactly("home");
        assertThat(changed.createdAt()).isEqualTo(original.createdAt());
        assertThat(changed.updatedAt()).isEqualTo(Instant.parse("2025-01-31T09:01:00Z"));
        assertThat(store.get(1)).contains(changed);
        assertThat(store.update(9, "x", null, null)).isEmpty();
        assertThat(store.delete(9)).isFalse();
    }

    @Test
    void tagsAreTrimmedDeduplicatedAndSplitAtCommas() {
        Note note = open().create("t", "b", List.of(" a ", "b,c", "", "a", " , "));
        assertThat(note.tags()).containsExactly("a", "b", "c");
        assertThat(store.get(note.id()).orElseThrow().tags()).containsExactly("a", "b", "c");
        assertThat(store.update(note.id(), null, null, List.of()).orElseThrow().tags()).isEmpty();
        assertThat(store.get(note.id()).orElseThrow().tags()).isEmpty();
    }

    @Test
    void concurrentCreatesGetDistinctIds() throws Exception {
        open();
        var ids = ConcurrentHashMap.<Long>newKeySet();
        try (var pool = Executors.newFixedThreadPool(6)) {
            var futures = new ArrayList<Future<?>>();
            for (int t = 0; t < 6; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) ids.add(store.create("n" + i, "b", List.of()).id());
                }));
            }
            for (Future<?> f : futures) f.get();
        }
        assertThat(ids).hasSize(60);
        assertThat(Set.copyOf(store.titles().stream().map(NoteStore.Title::id).toList())).isEqualTo(ids);
        assertThat(db.idleConnections()).isBetween(1, JdbcDatabase.DEFAULT_MAX_CONNECTIONS);
    }

    static List<String> titles(List<Note> notes) {
        return notes.stream().map(Note::title).toList();
    }
}
