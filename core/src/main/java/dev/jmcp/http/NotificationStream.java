package dev.jmcp.http;

/**
 * A session's standalone GET stream: list-changed and resource-updated notifications, until the client closes it
 * or the session ends.
 */
final class NotificationStream extends OpenStream {
    private final Session session;

    NotificationStream(String id, Session session) {
        super(id, true);
        this.session = session;
    }

    @Override
    void closed() {
        session.standaloneClosed(this);
    }
}
