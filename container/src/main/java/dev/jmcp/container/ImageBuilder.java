package dev.jmcp.container;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import dev.jmcp.server.ContainerMain;
import dev.jmcp.server.StartupOptions;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * Builds a jmcp application into an OCI image with jib-core: no Docker daemon, no base image, nothing downloaded.
 *
 * <pre>{@code
 * BuiltImage image = new ImageBuilder().build(new ImageSpec("notes", "dev.jmcp.examples.notes.NotesApp",
 *         classpath, Path.of(System.getProperty("java.home")), Path.of("target/jmcp/google-cloud-run"),
 *         Path.of(System.getProperty("user.home"), ".cache/jmcp"), "localhost/jmcp/notes:latest", null, true,
 *         System.err::println));
 * }</pre>
 *
 * <p>The image, layer by layer (each changes less often than the next, so a push sends only what changed):
 * <ol>
 *   <li>{@code os}: glibc and its loader from this machine ({@link HostLibraries}), {@code /etc/passwd} with the
 *       non-root user 65532, a world-writable {@code /tmp}. No shell, no package manager.</li>
 *   <li>{@code jre}: {@code /opt/jre}, a Java runtime jlinked from the local JDK with only the modules the class path
 *       uses ({@link JreLinker}).</li>
 *   <li>{@code dependencies}: {@code /app/lib/*.jar}, jmcp's server and the application's dependencies, without
 *       native libraries for other platforms ({@link Jars#withoutForeignNatives}).</li>
 *   <li>{@code application}: {@code /app/app.jar}, the application's classes.</li>
 *   <li>{@code aot}: {@code /app/app.aot}, a JDK AOT cache (JEP 483/514) trained at build time by running the image's
 *       own runtime and class path, staged at the same relative paths, through {@code ContainerMain --train}.</li>
 * </ol>
 * The entrypoint runs {@code ContainerMain} as user 65532 and honours {@code $PORT}.
 *
 * <p><b>Reproducible.</b> Every file has a fixed time and owner, the jars are rewritten deterministically, and the
 * config has a fixed creation time, so the same inputs give the same digest. The one exception is the JVM's AOT
 * cache: two training runs never give the same bytes. So the cache is kept in {@code cacheDir/aot/} under a hash of
 * everything it was trained from, and reused while that hash stays the same; a machine without the cached file
 * trains anew and gets a different {@code aot} layer (every other layer is the same everywhere).
 */
public final class ImageBuilder {
    /** What the runtime is started with, in training and in the image alike (the AOT cache depends on some of it). */
    public static final List<String> JVM_OPTIONS = Stream.concat(StartupOptions.RUN.stream(), Stream.of(
            "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError",
            "--enable-native-access=ALL-UNNAMED", "-Dslf4j.internal.verbosity=ERROR")).toList();
    public static final int PORT = 8080;
    public static final String USER = "65532:65532";
    public static final String DATA_DIR = "/tmp/jmcp";
    static final Instant FILE_TIME = Instant.ofEpochSecond(1);
    private static final String JRE = "/opt/jre";
    private static final String APP = "/app";

    /** Builds the image: a tarball at {@link ImageSpec#tarball()}, or a push to {@link ImageSpec#pushTo()}. */
    public BuiltImage build(ImageSpec spec) {
        try {
            return buildChecked(spec);
        } catch (IOException e) {
            throw new ImageBuildException("building the image failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageBuildException("building the image was interrupted");
        }
    }

    private BuiltImage buildChecked(ImageSpec spec) throws IOException, InterruptedException {
        Path work = spec.workDir().toAbsolutePath();
        Path rootfs = work.resolve("rootfs");
        Path logs = work.resolve("logs");
        JreLinker.deleteTree(rootfs);
        Files.createDirectories(rootfs);
        Files.createDirectories(logs);

        // Jars first: jdeps reads them to choose the runtime's modules.
        spec.progress().accept("collecting jars");
        List<String> classpath = stageJars(spec, rootfs.resolve("app"), work);
        List<Path> stagedJars = classpath.stream().map(p -> rootfs.resolve(p.substring(1))).toList();

        var linker = new JreLinker(spec.jdkHome(), spec.cacheDir(), logs);
        List<String> modules = linker.modules(stagedJars);
        spec.progress().accept("linking a Java runtime with " + modules.size() + " modules: " + String.join(",", modules));
        copyTree(linker.link(modules), rootfs.resolve(JRE.substring(1)));

        spec.progress().accept("adding glibc from this machine and the non-root user");
        Map<String, Path> libraries = HostLibraries.forFiles(elfFiles(rootfs.resolve(JRE.substring(1))),
                rootfs.resolve(JRE.substring(1)), logs.resolve("ldd.log"));
        stageOs(rootfs, libraries);
        fixTimes(rootfs);

        List<String> entrypoint = entrypoint(spec, classpath);
        boolean aotReused = false;
        if (spec.aot()) aotReused = stageAotCache(spec, rootfs, classpath, logs);

        spec.progress().accept(spec.pushTo() == null ? "writing the OCI image " + spec.tarball() : "pushing to " + spec.pushTo());
        JibContainerBuilder jib = Jib.fromScratch()
                .setFormat(ImageFormat.OCI)
                .setCreationTime(Instant.EPOCH)
                .setUser(USER)
                .setWorkingDirectory(AbsoluteUnixPath.get("/tmp"))
                .setEntrypoint(entrypoint)
                .setEnvironment(Map.of("PORT", Integer.toString(PORT), "JMCP_DATA_DIR", DATA_DIR))
                .setExposedPorts(Set.of(Port.tcp(PORT)))
                .setLabels(Map.of("org.opencontainers.image.title", spec.appName(),
                        "dev.jmcp.application", spec.applicationClass()));
        var layers = new ArrayList<BuiltImage.Layer>();
        addLayer(jib, layers, "os", rootfs, p -> !p.startsWith("opt") && !p.startsWith("app"));
        addLayer(jib, layers, "jre", rootfs, p -> p.startsWith("opt"));
        addLayer(jib, layers, "dependencies", rootfs, p -> p.startsWith("app/lib/"));
        addLayer(jib, layers, "application", rootfs, p -> p.equals("app/app.jar"));
        if (spec.aot()) addLayer(jib, layers, "aot", rootfs, p -> p.equals("app/app.aot"));

        JibContainer result = containerize(spec, jib, work);
        long tarBytes = spec.pushTo() == null ? Files.size(spec.tarball()) : 0;
        return new BuiltImage(spec.pushTo() == null ? spec.imageName() : spec.pushTo(), result.getDigest().toString(),
                result.getImageId().toString(), spec.pushTo() == null ? spec.tarball() : null, spec.pushTo() != null,
                List.copyOf(layers), tarBytes, aotReused);
    }

    /** The entrypoint: no shell, so nothing expands; ContainerMain reads $PORT itself. */
    static List<String> entrypoint(ImageSpec spec, List<String> classpath) {
        var command = new ArrayList<String>();
        command.add(JRE + "/bin/java");
        command.addAll(JVM_OPTIONS);
        if (spec.aot()) command.add("-XX:AOTCache=" + APP + "/app.aot");
        command.addAll(List.of("-cp", String.join(":", classpath), ContainerMain.class.getName(), spec.appName(), spec.applicationClass()));
        return command;
    }

    /**
     * Puts the application jar at {@code /app/app.jar} and the dependencies under {@code /app/lib/}; answers the class
     * path as the image sees it (application first). A dependency jar named like an earlier one is left out.
     */
    private List<String> stageJars(ImageSpec spec, Path app, Path work) throws IOException {
        Files.createDirectories(app.resolve("lib"));
        var classpath = new ArrayList<String>();
        Path first = spec.classpath().get(0);
        if (Files.isDirectory(first)) Jars.jarFolder(first, app.resolve("app.jar"));
        else Files.copy(first, app.resolve("app.jar"));
        classpath.add(APP + "/app.jar");

        var dependencies = new LinkedHashMap<String, Path>();
        for (Path p : spec.classpath().subList(1, spec.classpath().size())) dependencies.putIfAbsent(jarName(p), p);
        for (Path p : ServerRuntime.jars()) dependencies.putIfAbsent(jarName(p), p);
        for (var entry : dependencies.entrySet()) {
            Path target = app.resolve("lib").resolve(entry.getKey());
            Path source = entry.getValue();
            if (Files.isDirectory(source)) {
                Jars.jarFolder(source, target);
            } else if (Jars.withoutForeignNatives(source, target) < 0) {
                Files.copy(source, target);
            }
            classpath.add(APP + "/lib/" + entry.getKey());
        }
        return classpath;
    }

    /** A class folder inside a Maven module (…/core/target/classes) is named after the module's folder. */
    private static String jarName(Path p) {
        if (!Files.isDirectory(p)) return p.getFileName().toString();
        Path module = p.getParent() != null && p.getParent().getParent() != null ? p.getParent().getParent() : p;
        return module.getFileName() + "-classes.jar";
    }

    private static void stageOs(Path rootfs, Map<String, Path> libraries) throws IOException {
        for (var lib : libraries.entrySet()) {
            Path target = rootfs.resolve(lib.getKey().substring(1));
            Files.createDirectories(target.getParent());
            Files.copy(lib.getValue(), target);
        }
        Path etc = Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/tmp:/sbin/nologin\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\nnonroot:x:65532:\n");
        Files.writeString(etc.resolve("nsswitch.conf"), "passwd: files\ngroup: files\nhosts: files dns\n");
        Files.createDirectories(rootfs.resolve("tmp"));
    }

    /**
     * Trains the AOT cache, or reuses one trained from exactly the same staged files and options. The training JVM
     * runs the staged runtime and class path, which sit at the same relative places as in the image, so the cache
     * it writes matches the image (the JVM accepts a runtime and class path that moved together).
     */
    private boolean stageAotCache(ImageSpec spec, Path rootfs, List<String> classpath, Path logs) throws IOException {
        String key = aotKey(spec, rootfs, classpath);
        Path cached = spec.cacheDir().resolve("aot").resolve(key + ".aot");
        Path target = rootfs.resolve("app/app.aot");
        if (Files.isRegularFile(cached)) {
            spec.progress().accept("reusing the AOT cache trained from the same inputs (" + cached + ")");
            Files.copy(cached, target);
            Files.setLastModifiedTime(target, FileTime.from(FILE_TIME));
            return true;
        }
        spec.progress().accept("training the AOT cache (the server answers " + "a fixed client workload on a loopback port)");
        var command = new ArrayList<String>();
        command.add(rootfs.resolve(JRE.substring(1)).resolve("bin/java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(StartupOptions.TRAINING);
        command.add("-XX:AOTCacheOutput=" + target);
        command.addAll(List.of("-cp", String.join(":", classpath.stream().map(p -> rootfs.resolve(p.substring(1)).toString()).toList()),
                ContainerMain.class.getName(), "--train", spec.appName(), spec.applicationClass()));
        Map<String, String> env = new TreeMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", rootfs.resolve("tmp").toString());
        env.put("JMCP_LOG_FORMAT", "json");
        Processes.run("AOT training", command, env, logs.resolve("aot-training.log"), Duration.ofMinutes(5));
        if (!Files.isRegularFile(target)) {
            throw new ImageBuildException("AOT training ended but wrote no cache; see " + logs.resolve("aot-training.log"));
        }
        Files.setLastModifiedTime(target, FileTime.from(FILE_TIME));
        Files.createDirectories(cached.getParent());
        Path temp = cached.resolveSibling(key + ".tmp-" + ProcessHandle.current().pid());
        Files.copy(target, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, cached, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return false;
    }

    /** A hash of every staged file (path and content), the JVM options and the entry arguments. */
    private static String aotKey(ImageSpec spec, Path rootfs, List<String> classpath) throws IOException {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            List<Path> files;
            try (var walk = Files.walk(rootfs)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            byte[] buffer = new byte[1 << 16];
            for (Path f : files) {
                sha.update(rootfs.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                try (InputStream in = Files.newInputStream(f)) {
                    for (int n; (n = in.read(buffer)) > 0; ) sha.update(buffer, 0, n);
                }
            }
            sha.update(String.join(" ", JVM_OPTIONS).getBytes(StandardCharsets.UTF_8));
            sha.update(String.join(" ", StartupOptions.TRAINING).getBytes(StandardCharsets.UTF_8));
            sha.update(String.join(":", classpath).getBytes(StandardCharsets.UTF_8));
            sha.update((spec.appName() + " " + spec.applicationClass()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void addLayer(JibContainerBuilder jib, List<BuiltImage.Layer> layers, String name, Path rootfs,
                                 java.util.function.Predicate<String> include) throws IOException {
        var layer = FileEntriesLayer.builder().setName(name);
        long bytes = 0;
        List<Path> paths;
        try (var walk = Files.walk(rootfs)) {
            paths = walk.filter(p -> !p.equals(rootfs)).sorted().toList();
        }
        for (Path p : paths) {
            String relative = rootfs.relativize(p).toString();
            if (!include.test(relative)) continue;
            if (Files.isDirectory(p)) {
                if (!relative.equals("tmp")) continue;   // parents are created by Jib (755)
                layer.addEntry(p, AbsoluteUnixPath.get("/tmp"), FilePermissions.fromOctalString("777"), FILE_TIME);
                continue;
            }
            bytes += Files.size(p);
            layer.addEntry(p, AbsoluteUnixPath.get("/" + relative), permissions(p, relative), FILE_TIME);
        }
        jib.addFileEntriesLayer(layer.build());
        layers.add(new BuiltImage.Layer(name, bytes));
    }

    /** Executables and shared libraries 755, everything else 644, whatever the host's umask made of them. */
    private static FilePermissions permissions(Path p, String relative) throws IOException {
        boolean executable = Files.getPosixFilePermissions(p).contains(PosixFilePermission.OWNER_EXECUTE)
                || relative.startsWith("lib/") || relative.startsWith("lib64/");
        return FilePermissions.fromOctalString(executable ? "755" : "644");
    }

    private JibContainer containerize(ImageSpec spec, JibContainerBuilder jib, Path work) throws IOException, InterruptedException {
        try {
            Containerizer containerizer;
            if (spec.pushTo() == null) {
                containerizer = Containerizer.to(TarImage.at(spec.tarball()).named(spec.imageName())).setOfflineMode(true);
            } else {
                ImageReference reference = ImageReference.parse(spec.pushTo());
                var credentials = CredentialRetrieverFactory.forImage(reference, event -> logJib(spec, event));
                var registry = RegistryImage.named(reference)
                        .addCredentialRetriever(credentials.dockerConfig())
                        .addCredentialRetriever(credentials.wellKnownCredentialHelpers())
                        .addCredentialRetriever(credentials.googleApplicationDefaultCredentials());
                containerizer = Containerizer.to(registry).setAllowInsecureRegistries(isLoopback(reference.getRegistry()));
            }
            // A fresh layer cache for every build: Jib recognises a cached layer by file paths and times, and every
            // staged file has the same fixed time, so a shared cache would hand back a layer with old contents.
            Path layerCache = work.resolve("jib-cache");
            JreLinker.deleteTree(layerCache);
            containerizer.setToolName("jmcp")
                    .setBaseImageLayersCache(layerCache.resolve("base"))
                    .setApplicationLayersCache(layerCache.resolve("application"))
                    .addEventHandler(LogEvent.class, event -> logJib(spec, event));
            return jib.containerize(containerizer);
        } catch (InvalidImageReferenceException e) {
            throw new ImageBuildException("not a valid image reference: " + e.getMessage() + " (e.g. us-docker.pkg.dev/PROJECT/REPO/notes:1)", e);
        } catch (RegistryException e) {
            throw new ImageBuildException("the registry refused the image: " + e.getMessage(), e);
        } catch (CacheDirectoryCreationException e) {
            throw new ImageBuildException("cannot create the layer cache in " + spec.cacheDir() + ": " + e.getMessage(), e);
        } catch (ExecutionException e) {
            throw new ImageBuildException("writing the image failed: " + e.getCause(), e.getCause());
        }
    }

    private static void logJib(ImageSpec spec, LogEvent event) {
        if (event.getLevel() == LogEvent.Level.ERROR || event.getLevel() == LogEvent.Level.WARN) {
            spec.progress().accept("jib: " + event.getMessage());
        }
    }

    static boolean isLoopback(String registry) {
        String host = registry.replaceFirst(":[0-9]+$", "");
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }

    private static List<Path> elfFiles(Path jre) throws IOException {
        try (var walk = Files.walk(jre)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".so") || p.getParent().getFileName().toString().equals("bin")
                            || p.getFileName().toString().equals("jspawnhelper"))
                    .sorted().toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /** Gives every staged file the time it will have in the image; the AOT cache checks jar times. */
    private static void fixTimes(Path rootfs) throws IOException {
        try (var walk = Files.walk(rootfs)) {
            for (Path p : walk.toList()) Files.setLastModifiedTime(p, FileTime.from(FILE_TIME));
        }
    }

    /** Where {@code dev.jmcp.server}'s jar and the jars it needs at run time are on this JVM's class path. */
    static final class ServerRuntime {
        private ServerRuntime() {
        }

        static List<Path> jars() throws IOException {
            var jars = new ArrayList<Path>();
            jars.add(codeSource(ContainerMain.class));
            String list;
            try (InputStream in = ContainerMain.class.getResourceAsStream("/META-INF/jmcp/runtime-classpath.txt")) {
                if (in == null) throw new ImageBuildException("jmcp-server has no META-INF/jmcp/runtime-classpath.txt; rebuild jmcp");
                list = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            var onClasspath = new LinkedHashMap<String, Path>();
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) onClasspath.putIfAbsent(Path.of(entry).getFileName().toString(), Path.of(entry));
            }
            for (String entry : list.split(":")) {
                String name = entry.substring(entry.lastIndexOf('/') + 1);
                Path jar = onClasspath.get(name);
                if (jar == null && name.startsWith("jmcp-core-")) jar = codeSource(dev.jmcp.McpServer.class);
                if (jar == null) {
                    throw new ImageBuildException("jmcp-server needs " + name + " at run time, but it is not on this class path; rebuild jmcp");
                }
                jars.add(jar);
            }
            return jars;
        }

        private static Path codeSource(Class<?> type) {
            try {
                return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
