package dev.jmcp.http;

/**
 * A stream with no request behind it, open until the server ends it or the client goes away: the 2025 GET stream
 * and the 2026 {@code subscriptions/listen} stream. Notifications reach it through {@link #enqueue}.
 */
abstract class OpenStream extends SseStream {
    private volatile boolean ended;

    OpenStream(String id, boolean resumable) {
        super(id, resumable);
    }

    final boolean ended() {
        return ended;
    }

    /** Ends the stream from the server's side (session closed, shutdown). */
    final void end() {
        ended = true;
        wakeUp();
    }

    @Override
    final boolean work(EventSink sink) {
        return ended;
    }

    @Override
    public final void cancel() {
        ended = true;
        closed();
    }

    /** The client went away: forget the stream. */
    abstract void closed();
}
