package dev.jmcp.examples.notes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that starts at a fixed instant and moves one minute forward each time it is read. */
final class SteppingClock extends Clock {
    static final Instant START = Instant.parse("2025-01-31T09:00:00Z");
    private Instant next = START;

    @Override
    public synchronized Instant instant() {
        Instant now = next;
        next = next.plus(Duration.ofMinutes(1));
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock stays in UTC");
    }
}
