package dev.jmcp;

/**
 * The entry point of a jmcp application: builds its server from what the runtime offers. Each runtime (the JVM
 * server, Lambda, Workers, a container) creates the application once per process or isolate and serves the server
 * it returns. Implement it in a public class with a public no-argument constructor.
 *
 * <pre>{@code
 * public final class NotesApp implements McpApplication {
 *     public McpServer create(Platform platform) {
 *         var db = platform.require(SqlDatabase.class);      // SQLite locally, D1 on Workers, PostgreSQL on Lambda
 *         return Notes.server(new SqlNoteStore(db));
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface McpApplication {
    McpServer create(Platform platform);
}
