package dev.jmcp.http;

/**
 * Where an {@link EventStream} writes. Each call carries one complete SSE event, already framed
 * ({@code "id: …\ndata: …\n\n"}); the adapter writes it and flushes.
 */
public interface EventSink {

    /**
     * Writes and flushes one event. When the client is gone, throw an unchecked exception: the stream stops writing
     * to this sink (and, without a session to resume in, the adapter then cancels it).
     */
    void send(String event);
}
