package dev.jmcp.http;

/**
 * An SSE response that the runtime adapter drives. Core has no threads, so the adapter does the waiting:
 *
 * <pre>{@code
 * stream.onWake(() -> signal());                  // core calls this from whichever thread made progress possible
 * while (!stream.pump(sink)) {                    // runs handlers; writes every event that is ready
 *     awaitSignal(keepAliveMillis);               // nothing ready: wait for a wake-up, or send a keep-alive comment
 * }
 * }</pre>
 *
 * <p>{@link #pump} runs handler code on the caller's thread and writes each event to the sink as it happens, so
 * progress and log notifications reach the client while the handler is still working. It returns {@code true} when
 * the stream has ended (the adapter then completes the response), {@code false} when the stream waits for
 * something from outside, such as the client's answer to an elicitation, which arrives on another request.
 * Pumping is never concurrent for one stream: the adapter calls it from one thread at a time.
 *
 * <p>When the client goes away or the adapter gives up waiting, it calls {@link #cancel()}.
 */
public interface EventStream {

    boolean pump(EventSink sink);

    /** Registers the single callback that tells the adapter to pump again. May be called from any thread. */
    void onWake(Runnable wake);

    void cancel();
}
