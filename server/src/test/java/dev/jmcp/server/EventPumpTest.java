package dev.jmcp.server;

import dev.jmcp.http.EventSink;
import dev.jmcp.http.EventStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventPumpTest {
    private static final Duration LONG = Duration.ofSeconds(30);

    /** A hand-written stream: each pump runs the next scripted round; a round returns whether the stream ended. */
    private static final class ScriptedStream implements EventStream {
        final Queue<Function<EventSink, Boolean>> rounds = new ArrayDeque<>();
        volatile Runnable wake;
        volatile int pumps;
        volatile boolean cancelled;

        ScriptedStream round(Function<EventSink, Boolean> round) {
            rounds.add(round);
            return this;
        }

        @Override
        public boolean pump(EventSink sink) {
            pumps++;
            var round = rounds.poll();
            return round == null || round.apply(sink);
        }

        @Override
        public void onWake(Runnable wake) {
            this.wake = wake;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final List<String> written = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private void write(byte[] bytes) {
        written.add(new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void a_stream_that_ends_in_one_pump_is_written_and_not_cancelled() {
        var stream = new ScriptedStream().round(sink -> {
            sink.send("data: 1\n\n");
            sink.send("data: 2\n\n");
            return true;
        });

        var outcome = new EventPump(LONG, LONG).drive(stream, this::write);

        assertThat(outcome).isEqualTo(EventPump.Outcome.COMPLETED);
        assertThat(written).as("events in order, nothing else").containsExactly("data: 1\n\n", "data: 2\n\n");
        assertThat(stream.cancelled).as("a completed stream is not cancelled").isFalse();
    }

    @Test
    void a_waiting_stream_is_pumped_again_after_a_wake() throws Exception {
        var stream = new ScriptedStream()
                .round(sink -> false)
                .round(sink -> {
                    sink.send("data: answer\n\n");
                    return true;
                });
        var pump = new EventPump(LONG, LONG);

        var outcome = CompletableFuture.supplyAsync(() -> pump.drive(stream, this::write), threads);
        awaitPumps(stream, 1);
        stream.wake.run();

        assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo(EventPump.Outcome.COMPLETED);
        assertThat(written).containsExactly("data: answer\n\n");
    }

    @Test
    void a_wake_that_arrives_while_pumping_is_not_lost() {
        var stream = new ScriptedStream();
        stream.round(sink -> {
            stream.wake.run();   // core makes progress possible before the pump has even returned
            return false;
        }).round(sink -> true);

        var outcome = new EventPump(LONG, LONG).drive(stream, this::write);

        assertThat(outcome).isEqualTo(EventPump.Outcome.COMPLETED);
        assertThat(stream.pumps).isEqualTo(2);
    }

    @Test
    void a_silent_stream_gets_keep_alive_comments_and_is_cancelled_when_idle_too_long() {
        var stream = new ScriptedStream().round(sink -> false);

        long start = System.nanoTime();
        var outcome = new EventPump(Duration.ofMillis(40), Duration.ofMillis(300)).drive(stream, this::write);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(outcome).isEqualTo(EventPump.Outcome.IDLE);
        assertThat(stream.cancelled).as("an idle stream is cancelled so core frees it").isTrue();
        assertThat(written).as("keep-alives while waiting").hasSizeGreaterThanOrEqualTo(3).allMatch(EventPump.KEEP_ALIVE::equals);
        assertThat(elapsedMillis).as("ends at the idle timeout, not much later").isBetween(280L, 3000L);
    }

    @Test
    void a_wake_restarts_the_idle_clock() throws Exception {
        var stream = new ScriptedStream().round(sink -> false).round(sink -> false).round(sink -> true);
        var pump = new EventPump(Duration.ofSeconds(10), Duration.ofMillis(1000));

        var outcome = CompletableFuture.supplyAsync(() -> pump.drive(stream, this::write), threads);
        awaitPumps(stream, 1);
        Thread.sleep(600);
        stream.wake.run();
        awaitPumps(stream, 2);
        Thread.sleep(600);   // 1.2 s since the start, but only 0.6 s since the last wake
        stream.wake.run();

        assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo(EventPump.Outcome.COMPLETED);
    }

    @Test
    void a_failed_event_write_cancels_the_stream_and_drops_later_events() {
        var stream = new ScriptedStream().round(sink -> {
            sink.send("data: 1\n\n");
            sink.send("data: 2\n\n");
            return false;
        });
        var attempts = new CopyOnWriteArrayList<String>();

        var outcome = new EventPump(LONG, LONG).drive(stream, bytes -> {
            attempts.add(new String(bytes, StandardCharsets.UTF_8));
            throw new IOException("Broken pipe");
        });

        assertThat(outcome).isEqualTo(EventPump.Outcome.CLOSED);
        assertThat(stream.cancelled).isTrue();
        assertThat(attempts).as("no writes after the first failure").containsExactly("data: 1\n\n");
    }

    @Test
    void a_failed_keep_alive_write_cancels_the_stream() {
        var stream = new ScriptedStream().round(sink -> false);

        var outcome = new EventPump(Duration.ofMillis(20), LONG).drive(stream, bytes -> {
            throw new IOException("Broken pipe");
        });

        assertThat(outcome).isEqualTo(EventPump.Outcome.CLOSED);
        assertThat(stream.cancelled).isTrue();
    }

    @Test
    void close_ends_a_waiting_stream_at_once() throws Exception {
        var stream = new ScriptedStream().round(sink -> false);
        var pump = new EventPump(LONG, LONG);

        var outcome = CompletableFuture.supplyAsync(() -> pump.drive(stream, this::write), threads);
        awaitPumps(stream, 1);
        pump.close();

        assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo(EventPump.Outcome.CLOSED);
        assertThat(stream.cancelled).isTrue();
    }

    @Test
    void a_pump_that_throws_still_cancels_the_stream() {
        var stream = new ScriptedStream().round(sink -> {
            throw new IllegalStateException("bug in core");
        });

        assertThatThrownBy(() -> new EventPump(LONG, LONG).drive(stream, this::write))
                .as("the adapter lets Jetty turn it into a failed response")
                .isInstanceOf(IllegalStateException.class);
        assertThat(stream.cancelled).isTrue();
    }

    private static void awaitPumps(ScriptedStream stream, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (stream.pumps < count && System.nanoTime() < deadline) Thread.sleep(5);
        assertThat(stream.pumps).as("pumps so far").isGreaterThanOrEqualTo(count);
        Thread.sleep(20);    // let the driving thread reach its wait
    }
}
