package dev.jmcp.http;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The common part of jmcp's event streams: event ids, frames queued from other threads, the wake-up callback, and
 * (in a session) a bounded history so that a client can resume with {@code Last-Event-ID}.
 */
abstract class SseStream implements EventStream {
    private static final int MAX_HISTORY = 1000;

    private final String id;
    private final boolean resumable;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private final List<String> history = new ArrayList<>();
    private long seq;
    private long historyStart = 1; // sequence number of history.get(0)
    private long replayAfter = -1;
    private boolean primed;
    private Runnable wake;
    private EventSink deadSink;

    SseStream(String id, boolean resumable) {
        this.id = id;
        this.resumable = resumable;
    }

    final String id() {
        return id;
    }

    /** Frames a message with the next event id and records it for resumption. */
    final synchronized String frame(JsonObject message) {
        long n = ++seq;
        String frame = (resumable ? "id: " + id + "_" + n + "\n" : "") + "event: message\ndata: " + Json.write(message) + "\n\n";
        if (resumable) {
            history.add(frame);
            if (history.size() > MAX_HISTORY) {
                history.remove(0);
                historyStart++;
            }
        }
        return frame;
    }

    /** Queues a message from any thread and wakes the adapter. */
    final void enqueue(JsonObject message) {
        Runnable w;
        synchronized (this) {
            queue.add(frame(message));
            w = wake;
        }
        if (w != null) w.run();
    }

    final void wakeUp() {
        Runnable w;
        synchronized (this) {
            w = wake;
        }
        if (w != null) w.run();
    }

    /** Sends a message on the pumping thread, directly. A dead connection keeps the frame in history only. */
    final void send(EventSink sink, JsonObject message) {
        write(sink, List.of(frame(message)));
    }

    /**
     * Writes frames until the sink fails; after that the stream still runs (a session client may resume from the
     * history) but writes nothing more to that sink.
     */
    private void write(EventSink sink, List<String> frames) {
        for (String frame : frames) {
            if (sink == deadSink) return;
            try {
                sink.send(frame);
            } catch (RuntimeException e) {
                deadSink = sink;
            }
        }
    }

    /**
     * Prepares a reconnect with {@code Last-Event-ID}: the next pump replays every event after that sequence number.
     * False when those events are no longer held.
     */
    final synchronized boolean resumeAfter(long lastSeq) {
        if (lastSeq < historyStart - 1 || lastSeq > seq) return false;
        replayAfter = lastSeq;
        queue.clear(); // queued frames are in the history too
        return true;
    }

    @Override
    public final void onWake(Runnable wake) {
        synchronized (this) {
            this.wake = wake;
        }
    }

    @Override
    public final boolean pump(EventSink sink) {
        List<String> ready = new ArrayList<>();
        synchronized (this) {
            if (!primed && resumable && replayAfter < 0) {
                // priming event: gives the client an event id to resume from before anything else arrives
                ready.add("id: " + id + "_0\nretry: 1000\ndata: \n\n");
            }
            primed = true;
            if (replayAfter >= 0) {
                for (long n = replayAfter + 1; n <= seq; n++) ready.add(history.get((int) (n - historyStart)));
                replayAfter = -1;
            }
            ready.addAll(queue);
            queue.clear();
        }
        write(sink, ready);
        boolean done = work(sink);
        synchronized (this) {
            ready.clear();
            ready.addAll(queue);
            queue.clear();
        }
        write(sink, ready);
        return done;
    }

    /** Does this stream's own work on the pumping thread; true when the stream has ended. */
    abstract boolean work(EventSink sink);

    /** Parses the sequence number out of an event id of this stream, or -1. */
    static long sequenceOf(String eventId, String streamId) {
        if (!eventId.startsWith(streamId + "_")) return -1;
        try {
            return Long.parseLong(eventId.substring(streamId.length() + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
