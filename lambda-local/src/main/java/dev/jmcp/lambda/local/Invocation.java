package dev.jmcp.lambda.local;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/** One event on its way through an instance. */
final class Invocation {
    final String requestId;
    final byte[] payload;
    final CompletableFuture<Reply> reply = new CompletableFuture<>();
    Instance instance;
    boolean coldStart;
    long deliveredNanos;
    long deadlineEpochMillis;
    /** A response or error was posted (or the platform settled the reply itself). */
    boolean responded;
    /** The whole response (or error) arrived: the instance only has to ask for its next event. */
    boolean done;
    /** The REPORT line was written. */
    boolean reported;
    ScheduledFuture<?> timer;
    /** Set when the runtime streams its response. */
    ByteStream stream;

    Invocation(String requestId, byte[] payload) {
        this.requestId = requestId;
        this.payload = payload;
    }

    /** Settles the reply unless it was already settled; true if this call settled it. */
    boolean settle(Reply value) {
        return reply.complete(value);
    }
}
