package dev.jmcp.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How jmcp runs podman. Two settings make it work on hosts where the defaults fail (see scripts/podman.sh): runc as
 * the OCI runtime when it is installed (crun refuses hosts with hybrid cgroups), and {@code --ulimit} values equal to
 * this process's own hard limits (podman's default nofile of 1048576 fails where the hard limit is lower).
 */
final class Podman {
    private static final Pattern LIMIT = Pattern.compile("^Max (open files|processes)\\s+\\S+\\s+(\\S+)\\s+.*$");

    private Podman() {
    }

    static boolean installed() {
        return onPath("podman") != null;
    }

    /** {@code podman} with its global options, ready for a subcommand. */
    static List<String> command(String... subcommand) {
        var command = new ArrayList<>(List.of("podman"));
        if (onPath("runc") != null || Files.isExecutable(Path.of("/usr/sbin/runc"))) command.addAll(List.of("--runtime", "runc"));
        command.addAll(List.of(subcommand));
        return command;
    }

    /**
     * {@code --ulimit nofile=N:N --ulimit nproc=M:M}: this process's hard limits from /proc/self/limits, nproc capped at
     * the kernel's pid_max (podman's conmon runs with that cap, and a container cannot get more than conmon has);
     * empty where /proc is missing.
     */
    static List<String> ulimits() {
        var flags = new ArrayList<String>();
        try {
            // readAllLines, not readString: procfs reports size 0, and readString then returns only the first byte.
            long pidMax = Long.parseLong(Files.readAllLines(Path.of("/proc/sys/kernel/pid_max")).get(0).strip());
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                var m = LIMIT.matcher(line);
                if (!m.matches()) continue;
                long hard = m.group(2).equals("unlimited") ? 1_048_576 : Long.parseLong(m.group(2));
                String name = m.group(1).equals("open files") ? "nofile" : "nproc";
                if (name.equals("nproc")) hard = Math.min(hard, pidMax);
                flags.addAll(List.of("--ulimit", name + "=" + hard + ":" + hard));
            }
        } catch (IOException | NumberFormatException notLinux) {
            return List.of();
        }
        return flags;
    }

    private static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }
}
