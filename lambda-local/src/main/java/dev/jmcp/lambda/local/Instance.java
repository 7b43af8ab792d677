package dev.jmcp.lambda.local;

import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/** One execution environment: a runtime process, its own Runtime API endpoint and the invocation it is working on. */
final class Instance {
    enum State { STARTING, BUSY, IDLE, DEAD }

    /** Put in the mailbox to wake a {@code /next} that waits on an instance that is going away. */
    static final Invocation GONE = new Invocation("gone", new byte[0]);

    final int number;
    final ServerConnector connector;
    final long launchedNanos = System.nanoTime();
    final LinkedBlockingQueue<Invocation> mailbox = new LinkedBlockingQueue<>();
    Process process;
    State state = State.STARTING;
    /** Set by the first {@code /next}: the init phase is over. */
    long initDurationNanos = -1;
    boolean initReported;
    /** The invocation delivered by the last {@code /next}, until the runtime asks for the next one. */
    Invocation current;

    Instance(int number, ServerConnector connector) {
        this.number = number;
        this.connector = connector;
    }

    boolean initialized() {
        return initDurationNanos >= 0;
    }

    /**
     * Peak resident memory of the runtime process and its children in MB, from {@code VmHWM} in {@code /proc/PID/status}
     * (the high-water mark, which is what Lambda's "Max Memory Used" reports); 0 where /proc is not available.
     */
    long maxMemoryUsedMb() {
        Process p = process;
        if (p == null) return 0;
        var pids = new ArrayList<Long>();
        pids.add(p.pid());
        try {
            p.descendants().forEach(h -> pids.add(h.pid()));
        } catch (RuntimeException gone) {
            // the process went away while we looked
        }
        long kb = 0;
        for (long pid : pids) kb += vmHwmKb(pid);
        return (kb + 1023) / 1024;
    }

    /** Resident memory of the runtime process and its children now, in kB (0 where /proc is not available). */
    long residentKb() {
        Process p = process;
        if (p == null || !p.isAlive()) return 0;
        long kb = status(p.pid(), "VmRSS:");
        try {
            for (var child : p.descendants().toList()) kb += status(child.pid(), "VmRSS:");
        } catch (RuntimeException gone) {
            // a child went away while we looked
        }
        return kb;
    }

    static long vmHwmKb(long pid) {
        return status(pid, "VmHWM:");
    }

    private static long status(long pid, String field) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
            for (String line : lines) {
                if (line.startsWith(field)) return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
            }
        } catch (IOException | NumberFormatException gone) {
            // exited, or not Linux
        }
        return 0;
    }

    /** Kills the runtime and everything it started, as Lambda does when it discards an environment. */
    void kill() {
        Process p = process;
        if (p == null) return;
        try {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
        } catch (RuntimeException gone) {
            // already gone
        }
        p.destroyForcibly();
    }
}
