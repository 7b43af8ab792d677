package dev.jmcp.http;

/**
 * Where an {@link EventStream} writes. Each call carries one complete SSE event, already framed
 * ({@code "id: …\ndata: …\n\n"}); the adapter writes it and flushes.
 */
public interface EventSink {

    void send(String event);
}
