package dev.jmcp.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The C libraries the runtime needs, copied from this machine. A jlinked JRE is linked against glibc, and an image
 * built from scratch has none, so the shared libraries that {@code ldd} reports for the JRE's launcher and libraries
 * go into the image at the same paths, plus the dynamic loader under {@code /lib64}, where executables look for it.
 *
 * <p>What can go wrong: the loader is usually a symlink, and Jib would store a symlinked file as a plain 644 file, so
 * the container could not exec anything ("permission denied"). Every file is therefore resolved to its real file and
 * stored with mode 755. libgcc_s is added when present: glibc loads it at run time to unwind threads on exit.
 */
final class HostLibraries {
    private static final Pattern RESOLVED = Pattern.compile("^\\s*\\S+\\s+=>\\s+(/\\S+)\\s+\\(0x[0-9a-f]+\\)\\s*$");
    private static final Pattern LOADER = Pattern.compile("^\\s*(/\\S*ld-linux\\S*)\\s+\\(0x[0-9a-f]+\\)\\s*$");
    private static final List<Path> EXTRA = List.of(Path.of("/lib/x86_64-linux-gnu/libgcc_s.so.1"));

    private HostLibraries() {
    }

    /** Image path → host file (the real file, symlinks resolved) for every library the ELF files need. */
    static TreeMap<String, Path> forFiles(List<Path> elfFiles, Path jre, Path log) {
        var command = new ArrayList<String>();
        command.add("ldd");
        for (Path f : elfFiles) command.add(f.toString());
        String output = Processes.run("ldd (finding the C libraries the Java runtime needs)", command, null, log, Duration.ofMinutes(1));
        var libraries = new TreeMap<String, Path>();
        try {
            for (String line : output.lines().toList()) {
                var resolved = RESOLVED.matcher(line);
                if (resolved.matches()) {
                    // The runtime's own libraries (found through $ORIGIN) are already in the image.
                    if (!Path.of(resolved.group(1)).normalize().startsWith(jre)) put(libraries, resolved.group(1));
                    continue;
                }
                var loader = LOADER.matcher(line);
                if (loader.matches()) {
                    put(libraries, loader.group(1));
                    // Executables name the loader by this path (x86-64 ABI), whatever ldd printed.
                    libraries.put("/lib64/ld-linux-x86-64.so.2", Path.of(loader.group(1)).toRealPath());
                }
            }
            for (Path extra : EXTRA) if (Files.exists(extra)) put(libraries, extra.toString());
        } catch (IOException e) {
            throw new ImageBuildException("cannot resolve a C library reported by ldd: " + e.getMessage(), e);
        }
        if (libraries.keySet().stream().noneMatch(p -> p.endsWith("/libc.so.6"))) {
            throw new ImageBuildException("ldd reported no libc.so.6 for the Java runtime; the container target needs a glibc Linux "
                    + "host (see " + log + ")");
        }
        return libraries;
    }

    private static void put(TreeMap<String, Path> libraries, String path) throws IOException {
        libraries.put(path, Path.of(path).toRealPath());
    }
}
