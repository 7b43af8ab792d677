package dev.jmcp.http;

import java.util.Collection;

/**
 * Where a stateful {@link McpEndpoint} keeps its sessions. The in-memory {@link InMemorySessionStore} is the default;
 * a session holds live streams, so a store that spans processes is not possible for it and stateless mode is the
 * answer for more than one instance.
 */
public interface SessionStore {

    /** The session, or null when the id is unknown, expired or terminated. */
    Session get(String id);

    /** Adds a new session; false when the store is full. */
    boolean add(Session session);

    /** Removes and returns the session, or null. */
    Session remove(String id);

    /** A snapshot of every live session, for expiry sweeps. */
    Collection<Session> all();
}
