package dev.jmcp.examples.notes;

import dev.jmcp.McpApplication;
import dev.jmcp.McpServer;
import dev.jmcp.Platform;
import dev.jmcp.SqlDatabase;

import java.time.Clock;

/**
 * The notes application as every runtime starts it: a SQLite file on the JVM (or {@code JMCP_DATABASE_URL}), D1 on
 * Workers, PostgreSQL on Lambda and Cloud Run. Nothing is opened here; the first request creates the tables.
 */
public final class NotesApp implements McpApplication {

    @Override
    public McpServer create(Platform platform) {
        return Notes.server(new SqlNoteStore(platform.require(SqlDatabase.class), Clock.systemUTC()));
    }
}
