package dev.jmcp.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Sessions in a map, bounded in count. Core has no java.util.concurrent, so the map is guarded by this object's
 * monitor; under TeaVM (one thread) the monitor costs nothing.
 */
public final class InMemorySessionStore implements SessionStore {
    private final Map<String, Session> sessions = new HashMap<>();
    private final int capacity;

    public InMemorySessionStore(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity < 1: " + capacity);
        this.capacity = capacity;
    }

    @Override
    public synchronized Session get(String id) {
        return sessions.get(id);
    }

    @Override
    public synchronized boolean add(Session session) {
        if (sessions.size() >= capacity) return false;
        sessions.put(session.id(), session);
        return true;
    }

    @Override
    public synchronized Session remove(String id) {
        return sessions.remove(id);
    }

    @Override
    public synchronized Collection<Session> all() {
        return new ArrayList<>(sessions.values());
    }
}
