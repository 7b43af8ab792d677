package dev.jmcp.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Makes the image's Java runtime with jlink: only the modules the class path uses (found by jdeps), without debug
 * data, headers or man pages. jlink's output is the same for the same JDK and modules, so it is kept in the cache
 * folder under a key of both and linked once.
 */
public final class JreLinker {
    /** Always linked: System.Logger's backend (JSON logs) and sun.misc.Signal (SIGTERM → exit 0). */
    static final List<String> ALWAYS = List.of("java.base", "java.logging", "jdk.unsupported");
    static final List<String> JLINK_OPTIONS = List.of("--strip-debug", "--no-header-files", "--no-man-pages", "--compress=zip-6");

    private final Path jdkHome;
    private final Path cacheDir;
    private final Path logDir;

    public JreLinker(Path jdkHome, Path cacheDir, Path logDir) {
        this.jdkHome = jdkHome;
        this.cacheDir = cacheDir;
        this.logDir = logDir;
    }

    /**
     * JDK modules that a dependency refers to only for optional features jmcp never uses, so linking them would only
     * add size: Jetty's utilities name {@code java.beans} (in java.desktop, about 12 MB with AWT's native libraries)
     * for bean introspection in its XML and JMX configuration. A use by any other jar still links the module. A key
     * matches a module name, or a plain jar named KEY-VERSION.jar (jdeps names class-path jars by file name).
     */
    static final Map<String, String> OPTIONAL_USES = Map.of(
            "org.eclipse.jetty.util", "java.desktop",
            // pgjdbc names java.awt.Point only in PGpoint.setLocation(Point), a convenience no JDBC path calls.
            "postgresql", "java.desktop");

    /** The JDK modules the jars use, by jdeps, plus {@link #ALWAYS}, less {@link #OPTIONAL_USES}; sorted. */
    public List<String> modules(List<Path> jars) {
        var command = new ArrayList<>(List.of(tool("jdeps"), "-summary", "--ignore-missing-deps",
                "--multi-release", Integer.toString(Runtime.version().feature()), "--class-path", join(jars)));
        for (Path jar : jars) command.add(jar.toString());
        String output = Processes.run("jdeps (finding the modules the application needs)", command, null,
                logDir.resolve("jdeps.log"), Duration.ofMinutes(3));
        return modulesFromSummary(output);
    }

    /** Reads jdeps' {@code -summary} lines, {@code SOURCE -> MODULE}, keeping the JDK's modules. */
    static List<String> modulesFromSummary(String summary) {
        var modules = new TreeSet<>(ALWAYS);
        for (String line : summary.lines().toList()) {
            int arrow = line.indexOf(" -> ");
            if (arrow < 0) continue;
            String source = line.substring(0, arrow).strip();
            String module = line.substring(arrow + 4).strip();
            if (!module.matches("(java|jdk)\\.[a-z0-9.]+")) continue;
            if (module.equals(optionalUse(source))) continue;
            modules.add(module);
        }
        return List.copyOf(modules);
    }

    private static String optionalUse(String source) {
        for (var use : OPTIONAL_USES.entrySet()) {
            String key = use.getKey();
            if (source.equals(key) || (source.startsWith(key + "-") && source.endsWith(".jar"))) return use.getValue();
        }
        return null;
    }

    /** A runtime with these modules, linked now or taken from the cache. */
    public Path link(List<String> modules) {
        String key = key(modules);
        Path target = cacheDir.resolve("jre").resolve(key);
        if (Files.isRegularFile(target.resolve("release"))) return target;
        Path temp = cacheDir.resolve("jre").resolve(key + ".tmp-" + ProcessHandle.current().pid());
        try {
            deleteTree(temp);
            Files.createDirectories(temp.getParent());
            var command = new ArrayList<>(List.of(tool("jlink"), "--add-modules", String.join(",", modules)));
            command.addAll(JLINK_OPTIONS);
            command.addAll(List.of("--output", temp.toString()));
            Processes.run("jlink", command, null, logDir.resolve("jlink.log"), Duration.ofMinutes(5));
            stripSymbols(temp);
            try {
                Files.move(temp, target);
            } catch (IOException raced) {
                if (!Files.isRegularFile(target.resolve("release"))) throw raced;
                deleteTree(temp);   // another build linked the same runtime first
            }
            return target;
        } catch (IOException e) {
            throw new ImageBuildException("cannot link the Java runtime into " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes the native symbol tables from the runtime's shared libraries (about 5 MB, most of it libjvm.so's) with
     * binutils' {@code strip}, when it is installed; jlink keeps them. The JVM runs the same without them; only
     * native frames in a crash report (hs_err) lose their names.
     */
    private void stripSymbols(Path jre) throws IOException {
        Path strip = Path.of("/usr/bin/strip");
        if (!Files.isExecutable(strip)) return;
        var command = new ArrayList<>(List.of(strip.toString(), "--strip-unneeded"));
        try (var walk = Files.walk(jre.resolve("lib"))) {
            walk.filter(p -> p.toString().endsWith(".so")).sorted().forEach(p -> command.add(p.toString()));
        }
        Processes.run("strip (native symbols of the Java runtime)", command, null, logDir.resolve("strip.log"), Duration.ofMinutes(2));
    }

    private String key(List<String> modules) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            sha.update(Files.readAllBytes(jdkHome.resolve("release")));
            sha.update(String.join(",", modules).getBytes(StandardCharsets.UTF_8));
            sha.update(String.join(" ", JLINK_OPTIONS).getBytes(StandardCharsets.UTF_8));
            sha.update(Boolean.toString(Files.isExecutable(Path.of("/usr/bin/strip"))).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new ImageBuildException("cannot read " + jdkHome.resolve("release") + "; is " + jdkHome + " a JDK?", e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String tool(String name) {
        Path tool = jdkHome.resolve("bin").resolve(name);
        if (!Files.isExecutable(tool)) {
            throw new ImageBuildException(tool + " is missing; the container target needs a full JDK 25 or newer (set JAVA_HOME)");
        }
        return tool.toString();
    }

    private static String join(List<Path> jars) {
        return String.join(java.io.File.pathSeparator, jars.stream().map(Path::toString).toList());
    }

    public static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
