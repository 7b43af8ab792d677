package dev.jmcp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server under test: a child process started from an exact command line, with its output in a log file, and its
 * CPU time and memory read from {@code /proc}. Closing sends SIGTERM and, after five seconds, SIGKILL.
 */
final class ServerProcess implements AutoCloseable {
    /** Linux's USER_HZ: /proc reports CPU time in these ticks. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Process process;
    private final List<String> command;
    private final Path log;

    private ServerProcess(Process process, List<String> command, Path log) {
        this.process = process;
        this.command = command;
        this.log = log;
    }

    static ServerProcess start(List<String> command, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        return new ServerProcess(builder.start(), List.copyOf(command), log);
    }

    /** The command as given, pinned or not; {@code taskset} execs the server, so {@link #pid} is the server's. */
    static List<String> pinned(String cpu, List<String> command) {
        if (cpu == null) return command;
        var out = new ArrayList<String>(List.of("taskset", "-c", cpu));
        out.addAll(command);
        return out;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    List<String> command() {
        return command;
    }

    Path log() {
        return log;
    }

    /** User plus system CPU time so far, in seconds; threads included. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
        // the command name in parentheses may hold spaces; fields after it are space-separated
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(fields[11]);
        long stime = Long.parseLong(fields[12]);
        return (utime + stime) / TICKS_PER_SECOND;
    }

    /** Resident set size now, in KiB. */
    long rssKb() throws IOException {
        return statusField("VmRSS:");
    }

    /** The largest resident set size the process has had, in KiB. */
    long peakRssKb() throws IOException {
        return statusField("VmHWM:");
    }

    private long statusField(String name) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith(name)) return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
        }
        throw new IOException(name + " is missing from /proc/" + pid() + "/status");
    }

    /** The last lines of the log, for error messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }

    /** SIGTERM, then SIGKILL if the process still runs after {@code grace}. */
    void stop(Duration grace) {
        if (!process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
