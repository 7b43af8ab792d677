package dev.jmcp.lambda.local;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body on its way from the runtime to the client: the Runtime API handler puts chunks in as they arrive,
 * the front takes them out. It ends normally, or with the error the runtime reported in its trailers, or cut off
 * (the instance died or timed out).
 */
public final class ByteStream {
    private static final byte[] END = new byte[0];
    private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private volatile Reply.FunctionError error;
    private volatile boolean ended;
    private long bytes;

    synchronized boolean put(byte[] chunk) {
        if (ended) return false;
        bytes += chunk.length;
        chunks.add(chunk);
        return true;
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized void end(Reply.FunctionError failure) {
        if (ended) return;
        error = failure;
        ended = true;
        chunks.add(END);
    }

    /** The next chunk, waiting up to the given time; null at the end. */
    public byte[] take(long timeout, TimeUnit unit) throws InterruptedException {
        byte[] chunk = chunks.poll(timeout, unit);
        if (chunk == null) throw new InterruptedException("no response bytes within " + timeout + " " + unit);
        if (chunk == END) {
            chunks.add(END); // later calls see the end too
            return null;
        }
        return chunk;
    }

    /** After the end: the error the stream ended with, or null when it ended normally. */
    public Reply.FunctionError error() {
        return error;
    }
}
