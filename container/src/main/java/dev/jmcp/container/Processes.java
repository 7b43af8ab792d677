package dev.jmcp.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a build tool (jlink, jdeps, ldd, the training JVM) with its output in a log file. */
public final class Processes {
    private Processes() {
    }

    /** Runs the command and answers its output; on failure or timeout the message names the step and the log. */
    public static String run(String step, List<String> command, Map<String, String> env, Path log, Duration timeout) {
        return run(step, command, env, log, timeout, null);
    }

    /** As above, in {@code directory} (null: this process's). */
    public static String run(String step, List<String> command, Map<String, String> env, Path log, Duration timeout, Path directory) {
        try {
            Files.createDirectories(log.getParent());
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            if (directory != null) builder.directory(directory.toFile());
            if (env != null) {
                builder.environment().clear();
                builder.environment().putAll(env);
            }
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new ImageBuildException(step + " took longer than " + timeout.toSeconds() + " s; stopped it. Its output: " + log);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new ImageBuildException(step + " failed (exit " + process.exitValue() + "): " + tail(output) + " (full output: " + log + ")");
            }
            return output;
        } catch (IOException e) {
            throw new ImageBuildException(step + " could not run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageBuildException(step + " was interrupted");
        }
    }

    private static String tail(String output) {
        String trimmed = output.strip();
        return trimmed.length() <= 600 ? trimmed : "..." + trimmed.substring(trimmed.length() - 600);
    }
}
