package dev.jmcp.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

/** What the targets that run a child process locally (podman, wrangler, a local Lambda) share. */
final class LocalProcesses {
    private LocalProcesses() {
    }

    /** Copies a child's output to {@code err} line by line until the child closes it. */
    static void copyLines(InputStream in, PrintWriter err) {
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                err.println(line);
                err.flush();
            }
        } catch (IOException ended) {
            // the process is gone
        }
    }

    /** A loopback port nobody listens on right now. */
    static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new Failure("cannot find a free port: " + e.getMessage(), e);
        }
    }

    /**
     * Serves until {@code child} exits or jmcp is stopped (Ctrl+C, SIGTERM), when {@code stopper} runs as a shutdown
     * hook; answers the child's exit code. {@code stopper} must already be registered.
     */
    static int awaitExit(Process child, Thread stopper, String what, PrintWriter err) {
        try {
            int code = child.waitFor();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is what stopped it
            }
            err.println("jmcp dev: " + what + " exited with " + code);
            err.flush();
            return code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.FAILURE;
        }
    }
}
