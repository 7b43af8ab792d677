package dev.jmcp.examples.notes;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where notes live. {@link SqlNoteStore} keeps them in any {@code SqlDatabase}; a test may use its own.
 *
 * <p>Tags are normalised on the way in: trimmed, empty ones dropped, duplicates removed, and a tag containing a
 * comma split into several (they are stored comma-separated).
 */
public interface NoteStore {

    /** One note. Times are UTC, to the second. */
    record Note(long id, String title, String body, List<String> tags, Instant createdAt, Instant updatedAt) {
        public Note {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(body, "body");
            tags = List.copyOf(tags);
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(updatedAt, "updatedAt");
        }
    }

    /** A note's id and title, for lists and completion. */
    record Title(long id, String title) {
    }

    Note create(String title, String body, List<String> tags);

    Optional<Note> get(long id);

    /**
     * Notes in which every word of the query occurs, case-insensitively, in the title, body or tags; most recently
     * updated first. A blank query matches every note.
     */
    List<Note> search(String query, int limit);

    /** Changes the given fields; a null one keeps its value. Empty when there is no note with that id. */
    Optional<Note> update(long id, String title, String body, List<String> tags);

    /** True when a note was deleted, false when there was none with that id. */
    boolean delete(long id);

    /** Every note's id and title, by id. */
    List<Title> titles();
}
