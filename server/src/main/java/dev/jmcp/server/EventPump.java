package dev.jmcp.server;

import dev.jmcp.http.EventSink;
import dev.jmcp.http.EventStream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Drives one {@link EventStream} to its end on the calling thread, which must be allowed to block (a virtual thread
 * in {@link McpHttpServer}). Core has no threads, so the waiting lives here: pump, and when the stream has nothing to
 * send, sleep until core calls the wake callback.
 *
 * <p>A wait ends when core wakes the stream (pump again) or when {@link #close()} is called because the client went
 * away or the server is stopping (cancel). While it waits, an SSE comment goes out every keep-alive interval, because
 * proxies cut connections that stay silent; a failed keep-alive write is how a vanished client is noticed at the
 * latest. A stream that sees no wake for {@code idleTimeout} is cancelled, so an abandoned elicitation cannot pin a
 * thread and a connection forever.
 *
 * <p>What can go wrong: core's wake may arrive while {@code pump} runs. The {@code woken} flag remembers it, so the
 * next wait returns at once instead of missing the signal.
 */
final class EventPump {
    static final String KEEP_ALIVE = ": keepalive\n\n";

    /** How the stream ended. */
    enum Outcome {
        /** {@code pump} returned true: the stream finished by itself. */
        COMPLETED,
        /** A write failed or {@link #close()} was called; the stream was cancelled. */
        CLOSED,
        /** No wake within the idle timeout; the stream was cancelled. */
        IDLE
    }

    /** A blocking write of one chunk of the response body, flushed to the client before it returns. */
    @FunctionalInterface
    interface Channel {
        void write(byte[] bytes) throws IOException;
    }

    private enum Wait { WOKEN, CLOSED, TIMED_OUT }

    private final long keepAliveNanos;
    private final long idleNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean woken;   // guarded by lock
    private boolean closed;  // guarded by lock

    EventPump(Duration keepAliveInterval, Duration idleTimeout) {
        this.keepAliveNanos = keepAliveInterval.toNanos();
        this.idleNanos = idleTimeout.toNanos();
    }

    /** Pumps until the stream ends; cancels it unless it completed by itself. Never throws for a gone client. */
    Outcome drive(EventStream stream, Channel channel) {
        Outcome outcome = null;
        try {
            stream.onWake(this::wake);
            outcome = pumpUntilEnd(stream, channel);
            return outcome;
        } finally {
            // Also reached when pump throws: core must still release the stream's session resources.
            if (outcome != Outcome.COMPLETED) stream.cancel();
        }
    }

    private Outcome pumpUntilEnd(EventStream stream, Channel channel) {
        var sink = new ChannelSink(channel);
        while (true) {
            boolean ended = stream.pump(sink);
            if (sink.failed) return Outcome.CLOSED;
            if (ended) return Outcome.COMPLETED;
            var waited = awaitWake(channel);
            if (waited != null) return waited;
        }
    }

    /** Called by core from any thread when the stream can make progress. */
    void wake() {
        signal(false);
    }

    /** Ends the stream from outside: the client disconnected or the server is stopping. */
    void close() {
        signal(true);
    }

    private void signal(boolean close) {
        lock.lock();
        try {
            if (close) closed = true;
            else woken = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Null when woken; otherwise why the stream must end. Writes keep-alives while waiting. */
    private Outcome awaitWake(Channel channel) {
        long idleDeadline = System.nanoTime() + idleNanos;
        while (true) {
            long untilIdle = idleDeadline - System.nanoTime();
            if (untilIdle <= 0) return Outcome.IDLE;
            switch (await(Math.min(keepAliveNanos, untilIdle))) {
                case WOKEN -> {
                    return null;
                }
                case CLOSED -> {
                    return Outcome.CLOSED;
                }
                case TIMED_OUT -> {
                    if (idleDeadline - System.nanoTime() <= 0) return Outcome.IDLE;
                    try {
                        channel.write(KEEP_ALIVE.getBytes(StandardCharsets.UTF_8));
                    } catch (IOException gone) {
                        return Outcome.CLOSED;
                    }
                }
            }
        }
    }

    private Wait await(long nanos) {
        lock.lock();
        try {
            long left = nanos;
            while (!woken && !closed && left > 0) left = changed.awaitNanos(left);
            if (closed) return Wait.CLOSED;
            if (woken) {
                woken = false;
                return Wait.WOKEN;
            }
            return Wait.TIMED_OUT;
        } catch (InterruptedException e) {
            // Interrupted means the thread pool is being torn down: give up the stream, keep the flag for the caller.
            Thread.currentThread().interrupt();
            return Wait.CLOSED;
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@link EventSink#send} cannot throw, so a failed write is remembered and later events are dropped; the pump
     * loop sees the flag after {@code pump} returns and cancels the stream.
     */
    private static final class ChannelSink implements EventSink {
        private final Channel channel;
        boolean failed;

        ChannelSink(Channel channel) {
            this.channel = channel;
        }

        @Override
        public void send(String event) {
            if (failed) return;
            try {
                channel.write(event.getBytes(StandardCharsets.UTF_8));
            } catch (IOException gone) {
                failed = true;
            }
        }
    }
}
