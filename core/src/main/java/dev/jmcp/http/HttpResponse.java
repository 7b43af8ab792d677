package dev.jmcp.http;

/**
 * What {@link McpEndpoint#handle} answers: a whole body, or a stream of server-sent events that the adapter
 * drains. Every status decision has been made by the time an adapter sees this.
 */
public sealed interface HttpResponse {

    int status();

    Headers headers();

    /** A complete response. The body may be empty (202, 405, ...). */
    record Full(int status, Headers headers, byte[] body) implements HttpResponse {
    }

    /** A {@code text/event-stream} response; see {@link EventStream} for how an adapter drives it. */
    record Events(int status, Headers headers, EventStream events) implements HttpResponse {
    }
}
