package dev.jmcp.cli;

import dev.jmcp.container.ImageBuildException;
import dev.jmcp.container.JreLinker;
import dev.jmcp.lambda.local.FunctionConfig;
import dev.jmcp.lambda.local.FunctionUrl;
import dev.jmcp.lambda.local.LocalLambda;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code jmcp dev --target aws-lambda}: builds the Lambda packages, unpacks the chosen one into a fresh task root (as
 * Lambda does with a deployment zip) and serves it from a {@link LocalLambda} behind a Function URL-shaped front.
 *
 * <ul>
 *   <li>{@code --way managed}: the managed Java runtime. Each instance runs AWS's runtime interface client from Maven
 *       Central, {@code java -cp <RIC jars>:<task root>:<task root>/lib/* ...AWSLambda <handler>}, which is what AWS's
 *       Java base images run, with the JVM options Lambda's Java 17+ runtimes default to. Buffered Function URL.</li>
 *   <li>{@code --way custom}: {@code provided.al2023}, the package's own {@code bootstrap}. Streaming Function URL.</li>
 * </ul>
 */
final class AwsLambdaDev {
    static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /**
     * What Lambda's Java 17+ managed runtimes start the JVM with (docs.aws.amazon.com/lambda/latest/dg/java-customization.html:
     * tiered compilation stopped at C1, serial GC in small functions; the heap sized from the function's memory, which
     * is all the RAM a sandbox shows, hence MaxRAM).
     * {@code JAVA_TOOL_OPTIONS} in the function's environment comes after them, so it overrides them as on Lambda.
     */
    static List<String> managedJvmOptions(int memoryMb) {
        return List.of("-XX:MaxRAM=" + memoryMb + "m", "-XX:MaxHeapSize=" + memoryMb * 85 / 100 + "m", "-XX:+UseSerialGC", "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:-UsePerfData", "--enable-native-access=ALL-UNNAMED");
    }

    /** One class from each jar the managed runtime has besides the package: the RIC and its dependencies. */
    private static final List<String> RIC_CLASSES = List.of(RIC_MAIN,
            "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer",
            "software.amazon.awssdk.utilslite.SdkInternalThreadLocal",
            "software.amazon.awssdk.annotations.SdkInternalApi",
            "com.amazonaws.services.lambda.runtime.Context");

    private final AwsLambdaTarget target;

    AwsLambdaDev(AwsLambdaTarget target) {
        this.target = target;
    }

    int serve(Project project, DeployTarget.DevOptions options, PrintWriter out, PrintWriter err) {
        String way = options.way() == null ? "managed" : options.way();
        if (!way.equals("managed") && !way.equals("custom")) throw new UsageError("--way must be managed or custom, got \"" + way + "\"");
        boolean custom = way.equals("custom");
        if (custom && !target.check().isEmpty()) {
            throw new Failure("the custom runtime cannot be built here: " + String.join("; ", target.check()) + " (--way managed can)");
        }
        err.println("jmcp: building " + project.dir() + " for " + AwsLambdaTarget.ID + " (" + way + " runtime)");
        err.flush();
        List<Path> classpath = project.compile();
        Path work = project.dir().resolve("target/jmcp").resolve(AwsLambdaTarget.ID);
        var packager = new LambdaPackager(project, work, CloudRunTarget.cacheDir(), line -> {
            err.println("jmcp: " + line);
            err.flush();
        });
        LambdaPackager.Result built;
        try {
            built = packager.build(classpath, custom, custom);
        } catch (IOException | ImageBuildException e) {
            throw new Failure("building the Lambda packages failed: " + e.getMessage(), e);
        }
        Path zip = custom ? built.custom().zip() : built.managed().zip();
        Path taskRoot = work.resolve("dev-" + way + "-task");
        try {
            unpack(zip, taskRoot);
        } catch (IOException e) {
            throw new Failure("cannot unpack " + zip + " into " + taskRoot + ": " + e.getMessage(), e);
        }
        FunctionConfig config = functionConfig(project, options, custom, taskRoot);
        var lambda = new LocalLambda(config, line -> {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        });
        int port;
        try {
            lambda.start();
            port = lambda.serve(new FunctionUrl(lambda), options.host(), options.port());
        } catch (Exception e) {
            lambda.close();
            throw new Failure("cannot start the local Lambda on " + options.host() + ":" + options.port() + ": " + e.getMessage(), e);
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            lambda.close(); // kills every instance, so Ctrl+C or SIGTERM leaves no child behind
            stopped.countDown();
        }, "jmcp-lambda-stop"));
        String host = options.host().equals("0.0.0.0") ? "127.0.0.1" : options.host();
        String url = "http://" + host + ":" + port + "/mcp";
        DevCommand.printConnectionHelp(out, project, " in a local " + AwsLambdaTarget.ID + " (" + way + " runtime, "
                + (custom ? "bootstrap, RESPONSE_STREAM" : "AWS runtime interface client, BUFFERED") + ", " + config.memoryMb() + " MB, "
                + config.timeout().toSeconds() + " s timeout, up to " + config.maxConcurrency() + " instances)", url);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }

    FunctionConfig functionConfig(Project project, DeployTarget.DevOptions options, boolean custom, Path taskRoot) {
        var env = new LinkedHashMap<String, String>();
        // Passed through like the google-cloud-run target does, so the same test scripts configure both.
        for (String passed : List.of("JMCP_DATA_DIR", "JMCP_DATABASE_URL", "JMCP_DATABASE_USER", "JMCP_DATABASE_PASSWORD",
                "JMCP_REQUEST_STATE_KEY", "JMCP_ONLY_2026")) {
            String value = System.getenv(passed);
            if (value != null) env.put(passed, value);
        }
        // Every instance must accept the requestState another one issued (MCP 2026 multi round-trip), as on Lambda
        // where the key is configured once for the function: one key for this dev session unless one is given.
        env.putIfAbsent("JMCP_REQUEST_STATE_KEY", randomKey());
        // A Function URL only answers on its own host name; locally the server is reached by these names only, so the
        // DNS-rebinding check can be on (as the google-cloud-run target does).
        env.put("JMCP_ALLOWED_HOSTS", "localhost,127.0.0.1," + options.host());
        // The custom way is served as a Function URL with InvokeMode RESPONSE_STREAM; the runtime streams when told so.
        if (custom) env.put(dev.jmcp.lambda.RuntimeMain.STREAMING_ENV, "true");
        env.putAll(options.env());
        // A Lambda sandbox shows its runtime the function's memory size as the machine's RAM, and the JVM sizes its heap
        // from that; here the machine is bigger, so the JVM is told (the managed options above, the bootstrap's
        // JMCP_JAVA_OPTIONS for the custom runtime, ahead of any options given there).
        int memory = intEnv("JMCP_LAMBDA_MEMORY_MB", 512);
        if (custom) env.merge("JMCP_JAVA_OPTIONS", "-XX:MaxRAM=" + memory + "m", (given, ours) -> ours + " " + given);
        String name = project.name().replaceAll("[^a-zA-Z0-9-_]", "-");
        if (name.length() > 64) name = name.substring(0, 64);
        List<String> command;
        if (custom) {
            command = List.of(taskRoot.resolve("bootstrap").toString());
        } else {
            command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(managedJvmOptions(memory));
            // The RIC unpacks its JNI library to the fixed path /tmp/.libaws-lambda-jni.so. On Lambda every instance has
            // its own /tmp; here they share one, and an instance overwriting the library another is loading crashes it
            // (SIGBUS). The RIC's own property for a pre-unpacked library avoids that.
            command.add("-D" + RIC_JNI_PROPERTY + "=" + ricJni(taskRoot.resolveSibling("dev-managed-runtime")));
            String toolOptions = env.get("JAVA_TOOL_OPTIONS");
            if (toolOptions != null && !toolOptions.isBlank()) command.addAll(List.of(toolOptions.trim().split("\\s+")));
            command.addAll(List.of("-cp", ricClasspath() + ":" + taskRoot + ":" + taskRoot.resolve("lib") + "/*", RIC_MAIN, LambdaPackager.HANDLER));
        }
        return FunctionConfig.of(name, custom ? "bootstrap" : LambdaPackager.HANDLER, taskRoot, command)
                .withEnvironment(env)
                .withMemoryMb(memory)
                .withTimeout(Duration.ofSeconds(intEnv("JMCP_LAMBDA_TIMEOUT_SECONDS", 30)))
                .withMaxConcurrency(intEnv("JMCP_LAMBDA_MAX_CONCURRENCY", 10))
                .withInvokeMode(custom ? FunctionConfig.InvokeMode.RESPONSE_STREAM : FunctionConfig.InvokeMode.BUFFERED)
                .withExecutionEnv(custom ? null : "AWS_Lambda_java" + Math.min(25, Runtime.version().feature()));
    }

    static final String RIC_JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    /** Unpacks the RIC's JNI library for this machine (glibc) into {@code dir} once; answers its path. */
    static Path ricJni(Path dir) {
        String arch = System.getProperty("os.arch").equals("aarch64") ? "aarch_64" : "x86_64";
        String name = "libaws-lambda-jni.linux-" + arch + ".so";
        Path target = dir.resolve(name);
        try (InputStream in = Class.forName(RIC_MAIN, false, AwsLambdaDev.class.getClassLoader()).getResourceAsStream("/jni/" + name)) {
            if (in == null) throw new Failure("AWS's runtime interface client has no JNI library " + name);
            Files.createDirectories(dir);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException | ClassNotFoundException e) {
            throw new Failure("cannot unpack the runtime interface client's JNI library into " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The jars of AWS's runtime interface client and its dependencies, found on jmcp's own class path. */
    static String ricClasspath() {
        var jars = new ArrayList<String>();
        for (String name : RIC_CLASSES) {
            try {
                Class<?> type = Class.forName(name, false, AwsLambdaDev.class.getClassLoader());
                String jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
                if (!jars.contains(jar)) jars.add(jar);
            } catch (ClassNotFoundException | URISyntaxException | NullPointerException e) {
                throw new Failure("AWS's runtime interface client is not on jmcp's class path (" + name + "); rebuild jmcp: "
                        + "rm cli/target/jmcp.classpath && ./jmcp --help");
            }
        }
        return String.join(":", jars);
    }

    /** Unpacks a deployment zip into a fresh folder, keeping the Unix modes (bootstrap and the JRE's binaries are 755). */
    static void unpack(Path zip, Path into) throws IOException {
        JreLinker.deleteTree(into);
        Files.createDirectories(into);
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            for (var entries = file.getEntries(); entries.hasMoreElements(); ) {
                ZipArchiveEntry entry = entries.nextElement();
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) throw new IOException("zip entry outside the task root: " + entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                int mode = entry.getUnixMode();
                if (mode != 0) Files.setPosixFilePermissions(target, permissions(mode));
                // The entry's time, as an extractor keeps it: the custom runtime's AOT cache checks its jars' times.
                if (entry.getLastModifiedTime() != null) Files.setLastModifiedTime(target, entry.getLastModifiedTime());
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        var set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < 9; bit++) if ((mode & (1 << bit)) != 0) set.add(order[bit]);
        return set;
    }

    private static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) return fallback;
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageError(name + " must be a whole number, got \"" + value + "\"");
        }
    }

    private static String randomKey() {
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
