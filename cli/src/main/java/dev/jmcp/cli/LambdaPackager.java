package dev.jmcp.cli;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.jmcp.McpApplication;
import dev.jmcp.container.Jars;
import dev.jmcp.container.JreLinker;
import dev.jmcp.container.Processes;
import dev.jmcp.lambda.LambdaInstance;
import dev.jmcp.lambda.McpRequestHandler;
import dev.jmcp.server.JdbcDatabase;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Makes the two AWS Lambda packages of an application (the layouts are the contract in lambda/README.md):
 * <ul>
 *   <li>managed ({@code java21}/{@code java25}): the application's classes at the zip root, every jar under
 *       {@code lib/}, and {@value LambdaInstance#DESCRIPTOR} naming the application; handler {@value #HANDLER}.</li>
 *   <li>custom ({@code provided.al2023}): an executable {@code bootstrap} at the root, a jlinked Java runtime under
 *       {@code jre/}, every jar (the application's classes as {@code lib/app.jar}) under {@code lib/}, and
 *       {@code app.aot}, a JDK AOT cache trained by running that very runtime and class path through
 *       {@code RuntimeMain --train} (priming events against a loopback Runtime API).</li>
 * </ul>
 * "Our share" is jmcp's own runtime: the jmcp-core, jmcp-server (without Jetty) and jmcp-lambda jars, the two small
 * AWS/CRaC API jars and, in the custom zip, {@code bootstrap}; the JRE, the AOT cache and the application's own
 * dependencies are counted apart.
 */
final class LambdaPackager {
    static final String HANDLER = "dev.jmcp.lambda.McpRequestHandler::handleRequest";
    static final String RUNTIME_MAIN = "dev.jmcp.lambda.RuntimeMain";
    /** The custom runtime's JVM options, in training and in {@code bootstrap} alike (the AOT cache depends on some). */
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
            "-XX:+ExitOnOutOfMemoryError", "--enable-native-access=ALL-UNNAMED");

    private static final long FIXED_TIME_MILLIS = 315532800000L; // 1980-01-01, the earliest zip time

    record Package(Path zip, long zipBytes, long unpackedBytes) {
    }

    record Result(Package managed, Package custom, long ourShareBytes, long ourShareCompressedBytes, long jreBytes, long aotBytes,
                  List<String> modules) {
    }

    private final Project project;
    private final Path work;
    private final Path cacheDir;
    private final Consumer<String> progress;

    LambdaPackager(Project project, Path work, Path cacheDir, Consumer<String> progress) {
        this.project = project;
        this.work = work;
        this.cacheDir = cacheDir;
        this.progress = progress;
    }

    Result build(List<Path> classpath, boolean custom, boolean aot) throws IOException {
        JreLinker.deleteTree(work.resolve("managed"));
        JreLinker.deleteTree(work.resolve("custom"));
        Path logs = Files.createDirectories(work.resolve("logs"));

        // The jars: jmcp's runtime first (our share), then the application's dependencies.
        var runtime = new LinkedHashMap<String, Path>();
        for (Class<?> type : List.of(McpApplication.class, JdbcDatabase.class, McpRequestHandler.class, RequestStreamHandler.class, org.crac.Core.class)) {
            Path source = codeSource(type);
            runtime.putIfAbsent(jarName(source), source);
        }
        var dependencies = new LinkedHashMap<String, Path>();
        for (Path p : classpath.subList(1, classpath.size())) {
            String name = jarName(p);
            if (!runtime.containsKey(name) && !isJmcpModule(name, runtime)) dependencies.putIfAbsent(name, p);
        }

        progress.accept("staging the managed-runtime package");
        Path managed = Files.createDirectories(work.resolve("managed"));
        stageClasses(classpath.get(0), managed);
        writeDescriptor(managed);
        long share = 0;
        for (var jar : runtime.entrySet()) share += stageJar(jar.getValue(), managed.resolve("lib").resolve(jar.getKey()));
        for (var jar : dependencies.entrySet()) stageJar(jar.getValue(), managed.resolve("lib").resolve(jar.getKey()));
        Path managedZip = work.resolve(project.name() + "-managed.zip");
        Package managedPackage = zip(managed, managedZip);
        long shareCompressed = compressedSize(managedZip, runtime.keySet().stream().map(n -> "lib/" + n).toList());
        if (!custom) return new Result(managedPackage, null, share, shareCompressed, 0, 0, List.of());

        progress.accept("staging the custom-runtime package");
        Path root = Files.createDirectories(work.resolve("custom"));
        Path lib = Files.createDirectories(root.resolve("lib"));
        var cp = new ArrayList<String>();
        Path appJar = lib.resolve("app.jar");
        if (Files.isDirectory(classpath.get(0))) {
            Path descriptorDir = Files.createTempDirectory(work, "app-classes");
            copyTree(classpath.get(0), descriptorDir);
            writeDescriptor(descriptorDir);
            Jars.jarFolder(descriptorDir, appJar);
            JreLinker.deleteTree(descriptorDir);
        } else {
            Files.copy(classpath.get(0), appJar);
        }
        cp.add("lib/app.jar");
        for (var jar : runtime.entrySet()) {
            stageJar(jar.getValue(), lib.resolve(jar.getKey()));
            cp.add("lib/" + jar.getKey());
        }
        for (var jar : dependencies.entrySet()) {
            stageJar(jar.getValue(), lib.resolve(jar.getKey()));
            cp.add("lib/" + jar.getKey());
        }
        var linker = new JreLinker(Path.of(System.getProperty("java.home")), cacheDir, logs);
        List<String> stagedJars = cp;
        List<String> modules = new ArrayList<>(linker.modules(stagedJars.stream().map(root::resolve).toList()));
        // The Runtime API client and the AOT training speak HTTP over java.base sockets: nothing else is needed.
        progress.accept("linking a Java runtime with " + modules.size() + " modules: " + String.join(",", modules));
        Path jre = root.resolve("jre");
        copyTree(linker.link(modules), jre);
        long jreBytes = treeSize(jre);
        String bootstrap = bootstrap(cp);
        Files.writeString(root.resolve("bootstrap"), bootstrap);
        Files.setPosixFilePermissions(root.resolve("bootstrap"), PosixFilePermissions.fromString("rwxr-xr-x"));
        long aotBytes = 0;
        if (aot) {
            progress.accept("training the AOT cache (the runtime serves priming events from a loopback Runtime API)");
            var command = new ArrayList<String>();
            command.add(jre.resolve("bin/java").toString());
            command.addAll(JVM_OPTIONS);
            command.add("-XX:AOTCacheOutput=app.aot");
            command.addAll(List.of("-cp", String.join(":", cp), RUNTIME_MAIN, "--train"));
            Map<String, String> env = new TreeMap<>();
            env.put("PATH", "/usr/bin:/bin");
            env.put("HOME", root.toString());
            env.put(LambdaInstance.APPLICATION_ENV, project.applicationClass());
            env.put(LambdaInstance.NAME_ENV, project.name());
            env.put("JMCP_DATA_DIR", Files.createTempDirectory(work, "training-data").toString());
            Processes.run("AOT training", command, env, logs.resolve("aot-training.log"), Duration.ofMinutes(5), root);
            Path cache = root.resolve("app.aot");
            if (!Files.isRegularFile(cache)) throw new Failure("AOT training ended but wrote no cache; see " + logs.resolve("aot-training.log"));
            aotBytes = Files.size(cache);
        }
        share += Files.size(root.resolve("bootstrap"));
        Package customPackage = zip(root, work.resolve(project.name() + "-custom.zip"));
        return new Result(managedPackage, customPackage, share, shareCompressed, jreBytes, aotBytes, modules);
    }

    /** The custom runtime's entry: the bundled JRE, the AOT cache when present (JMCP_AOT=off skips it), our client. */
    String bootstrap(List<String> classpath) {
        return "#!/bin/sh\n"
                + "# jmcp custom runtime for provided.al2023: the bundled Java runtime runs jmcp's own Lambda Runtime API client.\n"
                + "# Paths are relative to the task root, as they were when app.aot was trained.\n"
                + "cd \"${LAMBDA_TASK_ROOT:-$(dirname \"$0\")}\" || exit 1\n"
                + ": \"${" + LambdaInstance.APPLICATION_ENV + ":=" + project.applicationClass() + "}\"\n"
                + ": \"${" + LambdaInstance.NAME_ENV + ":=" + project.name() + "}\"\n"
                + "export " + LambdaInstance.APPLICATION_ENV + " " + LambdaInstance.NAME_ENV + "\n"
                + "AOT=\n"
                + "if [ -f app.aot ] && [ \"${JMCP_AOT:-on}\" != off ]; then AOT=-XX:AOTCache=app.aot; fi\n"
                + "# JMCP_JAVA_OPTIONS is split on spaces on purpose (several options).\n"
                + "exec ./jre/bin/java " + String.join(" ", JVM_OPTIONS) + " $AOT ${JMCP_JAVA_OPTIONS:-} \\\n"
                + "  -cp " + String.join(":", classpath) + " \\\n"
                + "  " + RUNTIME_MAIN + "\n";
    }

    private void writeDescriptor(Path root) throws IOException {
        Path descriptor = root.resolve(LambdaInstance.DESCRIPTOR);
        Files.createDirectories(descriptor.getParent());
        Files.writeString(descriptor, "# written by jmcp build --target aws-lambda\napplication=" + project.applicationClass()
                + "\nname=" + project.name() + "\n", StandardCharsets.ISO_8859_1);
    }

    /** Answers the staged size. Class folders become jars; jars lose native libraries for other platforms. */
    private static long stageJar(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        if (Files.isDirectory(source)) Jars.jarFolder(source, target);
        else if (Jars.withoutForeignNatives(source, target) < 0) Files.copy(source, target);
        return Files.size(target);
    }

    private static void stageClasses(Path classes, Path root) throws IOException {
        if (Files.isDirectory(classes)) {
            copyTree(classes, root);
            return;
        }
        try (var zip = new java.util.zip.ZipFile(classes.toFile())) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                var e = entries.nextElement();
                if (e.isDirectory()) continue;
                Path target = root.resolve(e.getName()).normalize();
                if (!target.startsWith(root)) throw new IOException("bad entry " + e.getName() + " in " + classes);
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, target);
                }
            }
        }
    }

    static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new Failure("cannot find where " + type.getName() + " was loaded from; run jmcp from its build (./jmcp)");
        }
    }

    /** A class folder inside a Maven module (…/core/target/classes) is named after the module's folder. */
    static String jarName(Path p) {
        if (!Files.isDirectory(p)) return p.getFileName().toString();
        Path module = p.getParent() != null && p.getParent().getParent() != null ? p.getParent().getParent() : p;
        return "jmcp-" + module.getFileName() + ".jar";
    }

    /** The application's own copy of a jmcp module (jmcp-core-0.1.0-SNAPSHOT.jar) is the runtime's. */
    private static boolean isJmcpModule(String name, Map<String, Path> runtime) {
        for (String r : runtime.keySet()) {
            String base = r.endsWith(".jar") ? r.substring(0, r.length() - 4) : r;
            if (name.startsWith(base.replaceAll("-\\d.*$", "") + "-") && name.startsWith("jmcp-")) return true;
        }
        return false;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static long treeSize(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            long total = 0;
            for (Path p : walk.filter(Files::isRegularFile).toList()) total += Files.size(p);
            return total;
        }
    }

    /** Zips a folder with sorted entries, a fixed time and each file's Unix mode (755 for executables, else 644). */
    private static Package zip(Path root, Path zip) throws IOException {
        Files.deleteIfExists(zip);
        long unpacked = 0;
        List<Path> files;
        try (var walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (var out = new ZipArchiveOutputStream(zip.toFile())) {
            for (Path file : files) {
                String name = root.relativize(file).toString().replace('\\', '/');
                var entry = new ZipArchiveEntry(name);
                entry.setTime(FIXED_TIME_MILLIS);
                entry.setUnixMode(0100000 | (Files.isExecutable(file) ? 0755 : 0644));
                entry.setSize(Files.size(file));
                out.putArchiveEntry(entry);
                Files.copy(file, out);
                out.closeArchiveEntry();
                unpacked += Files.size(file);
            }
        }
        return new Package(zip, Files.size(zip), unpacked);
    }

    private static long compressedSize(Path zip, List<String> names) throws IOException {
        long total = 0;
        try (var file = new java.util.zip.ZipFile(zip.toFile())) {
            for (String name : names) {
                var entry = file.getEntry(name);
                if (entry != null) total += entry.getCompressedSize();
            }
        }
        return total;
    }
}
