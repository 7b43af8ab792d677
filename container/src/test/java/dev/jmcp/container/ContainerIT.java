package dev.jmcp.container;

import dev.jmcp.container.it.SlowApp;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image for real: built by {@link ImageBuilder} from a small application, loaded into podman and run with the
 * settings Cloud Run uses. Needs podman (scripts/podman.sh installs it); run by scripts/test.sh through
 * {@code mvn -pl container verify -Djmcp.containerTests}. Every container and image it makes is removed at the end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerIT {
    private static final String IMAGE = "localhost/jmcp-it/slow:latest";
    private static final String PREFIX = "jmcp-it-" + ProcessHandle.current().pid() + "-";
    private static final List<String> containers = new ArrayList<>();
    private static final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(threads).connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path temp;
    static BuiltImage image;

    @BeforeAll
    static void buildImage() throws Exception {
        image = new ImageBuilder().build(spec(temp.resolve("cache"), true));
        podman("load", "-q", "-i", image.tarball().toString());
    }

    @AfterAll
    static void cleanUp() {
        for (String name : containers) podmanQuietly("rm", "-f", "-i", name);
        podmanQuietly("rmi", "-f", "-i", IMAGE);
        threads.shutdownNow();
    }

    @Test
    @Order(1)
    void theSameInputsGiveTheSameDigest() {
        var again = new ImageBuilder().build(spec(temp.resolve("cache"), true));
        assertThat(again.aotReused()).as("the second build reuses the AOT cache trained from the same inputs").isTrue();
        assertThat(again.digest()).isEqualTo(image.digest());

        // Without the AOT cache nothing is kept between builds, and fresh caches still agree.
        var a = new ImageBuilder().build(spec(temp.resolve("cache-a"), false));
        var b = new ImageBuilder().build(spec(temp.resolve("cache-b"), false));
        assertThat(a.digest()).isEqualTo(b.digest());
        assertThat(image.layers()).extracting(BuiltImage.Layer::name)
                .containsExactly("os", "jre", "dependencies", "application", "aot");
    }

    @Test
    @Order(2)
    void runsAsNonRootWithoutAShellAndUsesTheAotCache() throws Exception {
        assertThat(podman("image", "inspect", "--format", "{{.Config.User}}", IMAGE).strip()).isEqualTo("65532:65532");
        var noShell = run(podmanCommand("run", "--rm", "--entrypoint", "/bin/sh", IMAGE, "-c", "true"));
        assertThat(noShell.exitCode).as("an image without /bin/sh: " + noShell.output).isNotZero();

        // AOTMode=on makes the JVM refuse to start when the cache does not fit this runtime and class path.
        int port = freePort();
        String name = start(port, "-e", "JDK_JAVA_OPTIONS=-XX:AOTMode=on");
        var answer = callSleep(port, 0);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("slept 0");
        stop(name);
    }

    @Test
    @Order(3)
    void beyondTheLimitClientsGet503WithRetryAfterAndNothingBelowItIsLost() throws Exception {
        int port = freePort();
        String name = start(port, "-e", "JMCP_MAX_CONCURRENT_REQUESTS=4");
        var inFlight = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < 4; i++) inFlight.add(callSleepAsync(port, 2000));
        awaitLogged(name, "sleeping 2000 ms", 4);

        for (int i = 0; i < 6; i++) {
            var refused = callSleep(port, 0);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(refused.body()).contains("Server busy: 4 requests are in progress");
        }
        for (var call : inFlight) {
            var done = call.get(20, TimeUnit.SECONDS);
            assertThat(done.statusCode()).isEqualTo(200);
            assertThat(done.body()).contains("slept 2000");
        }
        assertThat(callSleep(port, 0).statusCode()).as("slots are free again").isEqualTo(200);

        // A burst at the limit: every request completes.
        var burst = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (int round = 0; round < 10; round++) {
            var wave = new ArrayList<CompletableFuture<HttpResponse<String>>>();
            for (int i = 0; i < 4; i++) wave.add(callSleepAsync(port, 50));
            for (var call : wave) assertThat(call.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            burst.addAll(wave);
        }
        assertThat(burst).hasSize(40);
        stop(name);
    }

    @Test
    @Order(4)
    void sigtermUnderLoadFinishesInFlightRefusesNewConnectionsAndExitsZero() throws Exception {
        int port = freePort();
        String name = start(port, "-e", "JMCP_DRAIN_TIMEOUT_SECONDS=8");
        var inFlight = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < 20; i++) inFlight.add(callSleepAsync(port, 3000));
        // Only requests the server has read are in flight; one still in the accept queue or unread at SIGTERM is
        // rightly closed unanswered, so a fixed pause here made the test fail on a slow machine.
        awaitLogged(name, "sleeping 3000 ms", 20);

        long signalled = System.nanoTime();
        podman("kill", "--signal", "TERM", name);
        assertThat(refusesConnections(port, Duration.ofSeconds(2))).as("new connections are refused after SIGTERM").isTrue();

        for (var call : inFlight) {
            var done = call.get(20, TimeUnit.SECONDS);
            assertThat(done.statusCode()).as("a request in flight at SIGTERM completes").isEqualTo(200);
            assertThat(done.body()).contains("slept 3000");
        }
        assertThat(podman("wait", name).strip()).as("exit status").isEqualTo("0");
        long millis = (System.nanoTime() - signalled) / 1_000_000;
        assertThat(millis).as("exited within the drain timeout").isLessThan(8_000);
        assertThat(podman("logs", name)).contains("\"severity\":\"INFO\"");
    }

    @Test
    @Order(5)
    void logsAreJsonLinesWithSeverityMessageAndTheRequestsTrace() throws Exception {
        int port = freePort();
        String name = start(port, "-e", "GOOGLE_CLOUD_PROJECT=demo-project");
        var request = post(port, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"fail\",\"arguments\":{}}}")
                .header("X-Cloud-Trace-Context", "0123456789abcdef0123456789abcdef/42;o=1").build();
        var answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.body()).contains("\"isError\":true");
        stop(name);

        String logs = podman("logs", name);
        JsonObject error = null;
        for (String line : logs.strip().split("\n")) {
            JsonObject entry = Json.parse(line.getBytes(StandardCharsets.UTF_8)).asObject();   // every line is JSON
            assertThat(entry.has("severity") && entry.has("message")).as(line).isTrue();
            if (entry.string("severity").equals("ERROR")) error = entry;
        }
        assertThat(error).as("the tool's failure was logged: " + logs).isNotNull();
        assertThat(error.string("message")).contains("planned failure");
        assertThat(error.string("logging.googleapis.com/trace")).isEqualTo("projects/demo-project/traces/0123456789abcdef0123456789abcdef");
        assertThat(error.string("logging.googleapis.com/spanId")).isEqualTo("000000000000002a");
    }

    @Test
    @Order(6)
    void pushesToARegistryWithTheSameDigestAndTheImageRunsFromThere() throws Exception {
        Path registryBinary = Path.of("/usr/bin/docker-registry");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(registryBinary),
                "needs Debian's docker-registry (scripts/podman.sh --with-registry installs it)");
        int registryPort = freePort();
        Path config = temp.resolve("registry.yml");
        Files.writeString(config, "version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: " + temp.resolve("registry-data")
                + "\nhttp:\n  addr: 127.0.0.1:" + registryPort + "\n");
        Process registry = new ProcessBuilder(registryBinary.toString(), "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("registry.log").toFile()).start();
        String repository = "127.0.0.1:" + registryPort + "/jmcp-it/slow";
        try {
            awaitListening(registryPort);
            var base = spec(temp.resolve("cache"), true);
            var pushed = new ImageBuilder().build(new ImageSpec(base.appName(), base.applicationClass(), base.classpath(),
                    base.jdkHome(), temp.resolve("work-push"), base.cacheDir(), base.imageName(), repository + ":1", true,
                    System.err::println));

            assertThat(pushed.pushed()).isTrue();
            assertThat(pushed.digest()).as("the registry holds the very image the tarball holds").isEqualTo(image.digest());
            String byDigest = repository + "@" + pushed.digest();
            podman("pull", "-q", "--tls-verify=false", byDigest);
            int port = freePort();
            String name = PREFIX + containers.size();
            containers.add(name);
            var command = new ArrayList<>(podmanCommand("run", "-d", "--name", name, "--network", "host"));
            command.addAll(ulimits());
            command.addAll(List.of("-e", "PORT=" + port, "-e", "JMCP_HOST=127.0.0.1", byDigest));
            assertThat(run(command).exitCode).isZero();
            awaitListening(port);
            Thread.sleep(200);
            assertThat(callSleep(port, 0).body()).contains("slept 0");
            stop(name);
        } finally {
            podmanQuietly("rm", "-f", "-i", PREFIX + (containers.size() - 1));
            podmanQuietly("rmi", "-f", "-i", repository + "@" + image.digest());
            registry.destroy();
            registry.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("nothing listens on port " + port);
    }

    private static ImageSpec spec(Path cache, boolean aot) {
        Path app = temp.resolve("app-classes");
        try {
            if (!Files.isDirectory(app)) {
                Path classes = Path.of(SlowApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                Path pkg = classes.resolve("dev/jmcp/container/it");
                Files.createDirectories(app.resolve("dev/jmcp/container/it"));
                try (var files = Files.list(pkg)) {
                    for (Path f : files.toList()) Files.copy(f, app.resolve("dev/jmcp/container/it").resolve(f.getFileName()));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new ImageSpec("slow", SlowApp.class.getName(), List.of(app), Path.of(System.getProperty("java.home")),
                temp.resolve(aot ? "work" : "work-" + cache.getFileName()), cache, IMAGE, null, aot, System.err::println);
    }

    private static String start(int port, String... env) throws Exception {
        String name = PREFIX + containers.size();
        containers.add(name);
        var command = new ArrayList<>(podmanCommand("run", "-d", "--name", name, "--network", "host"));
        command.addAll(ulimits());
        command.addAll(List.of("-e", "PORT=" + port, "-e", "JMCP_HOST=127.0.0.1"));
        command.addAll(List.of(env));
        command.add(IMAGE);
        var started = run(command);
        assertThat(started.exitCode).as(started.output).isZero();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                var health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) return name;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("container " + name + " did not become healthy: " + podman("logs", name));
    }

    private static void stop(String name) throws Exception {
        podman("stop", "-t", "15", name);
    }

    /** Waits until the container's log holds {@code count} lines containing {@code text}. */
    private static void awaitLogged(String name, String text, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String logs;
        do {
            logs = podman("logs", name);
            if (logs.lines().filter(line -> line.contains(text)).count() >= count) return;
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the log did not show " + count + " lines with '" + text + "' within 20 s: " + logs);
    }

    private static boolean refusesConnections(int port, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                Thread.sleep(20);
            } catch (ConnectException refused) {
                return true;
            } catch (IOException other) {
                Thread.sleep(20);
            }
        }
        return false;
    }

    private static HttpRequest.Builder post(int port, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2025-11-25")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String sleepCall(int millis) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"sleep\",\"arguments\":{\"millis\":" + millis + "}}}";
    }

    private static HttpResponse<String> callSleep(int port, int millis) throws Exception {
        return http.send(post(port, sleepCall(millis)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static CompletableFuture<HttpResponse<String>> callSleepAsync(int port, int millis) {
        return http.sendAsync(post(port, sleepCall(millis)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    // podman with runc and the host's limits, as scripts/lib.sh and the CLI run it (see scripts/podman.sh).
    private static List<String> podmanCommand(String... args) {
        var command = new ArrayList<>(List.of("podman"));
        if (Files.isExecutable(Path.of("/usr/sbin/runc")) || Files.isExecutable(Path.of("/usr/bin/runc"))) {
            command.addAll(List.of("--runtime", "runc"));
        }
        command.addAll(List.of(args));
        return command;
    }

    private static List<String> ulimits() throws IOException {
        long pidMax = Long.parseLong(Files.readAllLines(Path.of("/proc/sys/kernel/pid_max")).get(0).strip());
        long nofile = 1_048_576, nproc = 1_048_576;
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            String[] f = line.split("\\s{2,}");
            if (line.startsWith("Max open files")) nofile = f[2].equals("unlimited") ? nofile : Long.parseLong(f[2].strip());
            if (line.startsWith("Max processes")) nproc = f[2].equals("unlimited") ? nproc : Long.parseLong(f[2].strip());
        }
        nproc = Math.min(nproc, pidMax);
        return List.of("--ulimit", "nofile=" + nofile + ":" + nofile, "--ulimit", "nproc=" + nproc + ":" + nproc);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), output);
    }

    private static String podman(String... args) throws IOException, InterruptedException {
        var result = run(podmanCommand(args));
        if (result.exitCode != 0) throw new AssertionError("podman " + String.join(" ", args) + " failed: " + result.output);
        return result.output;
    }

    private static void podmanQuietly(String... args) {
        try {
            run(podmanCommand(args));
        } catch (Exception ignored) {
            // best effort in clean-up
        }
    }
}
