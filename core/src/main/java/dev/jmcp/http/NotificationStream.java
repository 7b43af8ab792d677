package dev.jmcp.http;

/**
 * A session's standalone GET stream: list-changed and resource-updated notifications, until the client closes it
 * or the session ends.
 */
final class NotificationStream extends SseStream {
    private final Session session;
    private volatile boolean ended;

    NotificationStream(String id, Session session) {
        super(id, true);
        this.session = session;
    }

    void end() {
        ended = true;
        wakeUp();
    }

    @Override
    boolean work(EventSink sink) {
        return ended;
    }

    @Override
    public void cancel() {
        ended = true;
        session.standaloneClosed(this);
    }
}
