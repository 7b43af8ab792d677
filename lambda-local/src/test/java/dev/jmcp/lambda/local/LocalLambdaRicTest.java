package dev.jmcp.lambda.local;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator against AWS's own runtime interface client (com.amazonaws:aws-lambda-java-runtime-interface-client),
 * run the way AWS's Java base images run it, with a trivial RequestStreamHandler: every failure shape, and that the
 * pool recovers after each.
 */
class LocalLambdaRicTest {
    static final String HANDLER = "dev.jmcp.lambda.local.fixture.FixtureHandler::handleRequest";

    @TempDir
    Path taskRoot;
    final List<String> log = new CopyOnWriteArrayList<>();
    final List<Report> reports = new CopyOnWriteArrayList<>();
    LocalLambda lambda;

    /**
     * The RIC copies its JNI library to the fixed path /tmp/.libaws-lambda-jni.so at every start; on Lambda each
     * environment has its own /tmp, here instances share it, and one starting while another loads the file dies of
     * SIGBUS. The RIC's own property points every instance at one copy unpacked before any starts.
     */
    static synchronized Path ricJni() throws IOException {
        if (ricJni == null) {
            String name = "libaws-lambda-jni.linux-" + (System.getProperty("os.arch").equals("aarch64") ? "aarch_64" : "x86_64") + ".so";
            Path dir = Files.createTempDirectory("jmcp-ric-jni");
            dir.toFile().deleteOnExit();
            Path library = dir.resolve(name);
            try (InputStream in = ClassLoader.getSystemResourceAsStream("jni/" + name)) {
                Files.copy(Objects.requireNonNull(in, "the RIC jar has no jni/" + name), library);
            }
            library.toFile().deleteOnExit(); // runs before the folder's: the JVM deletes in reverse order
            ricJni = library;
        }
        return ricJni;
    }

    private static Path ricJni;

    static List<String> ricCommand(String handler) throws IOException {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Dcom.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI=" + ricJni(),
                "-cp", System.getProperty("java.class.path"), "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", handler);
    }

    LocalLambda start(FunctionConfig config) throws Exception {
        lambda = new LocalLambda(config, line -> {
            log.add(line);
            System.out.println("[lambda] " + line);
        }).start();
        lambda.onReport(reports::add);
        return lambda;
    }

    FunctionConfig config() throws IOException {
        return FunctionConfig.of("fixture", HANDLER, taskRoot, ricCommand(HANDLER)).withTimeout(Duration.ofSeconds(20))
                .withExecutionEnv("AWS_Lambda_java21");
    }

    @AfterEach
    void stop() {
        if (lambda != null) lambda.close();
    }

    static Reply call(LocalLambda lambda, String json) throws Exception {
        return lambda.invoke(json.getBytes(StandardCharsets.UTF_8)).get();
    }

    static JsonObject ok(Reply reply) {
        assertThat(reply).as("reply").isInstanceOf(Reply.Buffered.class);
        return (JsonObject) Json.parse(((Reply.Buffered) reply).payload());
    }

    static Reply.FunctionError failed(Reply reply) {
        assertThat(reply).as("reply").isInstanceOf(Reply.FunctionError.class);
        return (Reply.FunctionError) reply;
    }

    @Test
    void coldStartThenWarmReuseWithLambdasEnvironmentAndReports() throws Exception {
        start(config().withMemoryMb(256));
        JsonObject first = ok(call(lambda, "{\"op\":\"echo\",\"n\":1}"));
        JsonObject second = ok(call(lambda, "{\"op\":\"echo\",\"n\":2}"));
        assertThat(first.number("pid").longValue()).isEqualTo(second.number("pid").longValue());
        assertThat(lambda.instancesStarted()).isEqualTo(1);
        assertThat(first.string("function")).isEqualTo("fixture");
        assertThat(first.string("arn")).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:fixture");
        assertThat(first.number("memory").intValue()).isEqualTo(256);
        assertThat(first.string("taskRoot")).isEqualTo(taskRoot.toAbsolutePath().toString());
        assertThat(first.string("handler")).isEqualTo(HANDLER);
        assertThat(first.string("tz")).isEqualTo(":UTC");
        assertThat(first.string("region")).isEqualTo("us-east-1");
        long remaining = first.number("remainingMs").longValue();
        assertThat(remaining).isPositive().isLessThanOrEqualTo(20_000);
        assertThat(first.object("event").number("n").intValue()).isEqualTo(1);
        assertThat(first.string("requestId")).isNotEqualTo(second.string("requestId"));
        awaitReports(2);
        assertThat(reports.get(0).initDurationMs()).isNotNull().isPositive();
        assertThat(reports.get(1).initDurationMs()).isNull();
        assertThat(reports.get(0).maxMemoryUsedMb()).isPositive();
        assertThat(log).anyMatch(l -> l.matches("REPORT RequestId: [0-9a-f-]{36}\tDuration: [0-9.]+ ms\tBilled Duration: \\d+ ms\t"
                + "Memory Size: 256 MB\tMax Memory Used: \\d+ MB\tInit Duration: [0-9.]+ ms"));
        assertThat(log).anyMatch(l -> l.startsWith("START RequestId: " + first.string("requestId")));
    }

    @Test
    void aBusyInstanceIsNotSharedAndTheLimitThrottles() throws Exception {
        start(config().withMaxConcurrency(2));
        CompletableFuture<Reply> slow = lambda.invoke("{\"op\":\"sleep\",\"ms\":3000}".getBytes(StandardCharsets.UTF_8));
        CompletableFuture<Reply> second = lambda.invoke("{\"op\":\"sleep\",\"ms\":3000}".getBytes(StandardCharsets.UTF_8));
        Reply third = call(lambda, "{}");
        assertThat(third).isInstanceOf(Reply.Rejected.class);
        var throttled = (Reply.Rejected) third;
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.errorType()).isEqualTo("TooManyRequestsException");
        assertThat(Json.parse(throttled.body())).isEqualTo(Json.object("Reason", "ReservedFunctionConcurrentInvocationLimitExceeded",
                "Type", "User", "message", "Rate Exceeded."));
        long pid1 = ok(slow.get()).number("pid").longValue();
        long pid2 = ok(second.get()).number("pid").longValue();
        assertThat(pid1).isNotEqualTo(pid2);
        assertThat(lambda.instancesStarted()).isEqualTo(2);
        // Both are idle again: the next two reuse them, no third cold start.
        var again = List.of(lambda.invoke("{}".getBytes(StandardCharsets.UTF_8)), lambda.invoke("{}".getBytes(StandardCharsets.UTF_8)));
        var pids = new ArrayList<Long>();
        for (var reply : again) pids.add(ok(reply.get()).number("pid").longValue());
        assertThat(pids).containsExactlyInAnyOrder(pid1, pid2);
        assertThat(lambda.instancesStarted()).isEqualTo(2);
    }

    @Test
    void aTimeoutKillsTheInstanceAndTheNextInvocationStartsAFreshOne() throws Exception {
        start(config().withTimeout(Duration.ofSeconds(2)));
        long before = ok(call(lambda, "{}")).number("pid").longValue();
        var timedOut = failed(call(lambda, "{\"op\":\"sleep\",\"ms\":60000}"));
        assertThat(timedOut.errorType()).isEqualTo("Sandbox.Timedout");
        assertThat(Json.parse(timedOut.body()).toString()).contains("Task timed out after 2.00 seconds");
        assertThat(waitDead(before)).as("the timed-out instance is killed").isTrue();
        long after = ok(call(lambda, "{}")).number("pid").longValue();
        assertThat(after).isNotEqualTo(before);
        assertThat(lambda.instancesStarted()).isEqualTo(2);
        assertThat(log).anyMatch(l -> l.endsWith("Task timed out after 2.00 seconds"));
        assertThat(reports).anyMatch(r -> "timeout".equals(r.status()));
    }

    @Test
    void aCrashFailsItsInvocationWithRuntimeExitErrorAndThePoolRecovers() throws Exception {
        start(config());
        var crash = failed(call(lambda, "{\"op\":\"crash\"}"));
        assertThat(crash.errorType()).isEqualTo("Runtime.ExitError");
        assertThat(((JsonObject) Json.parse(crash.body())).string("errorMessage")).endsWith("Error: Runtime exited with error: exit status 3");
        ok(call(lambda, "{}"));
        assertThat(lambda.instancesStarted()).isEqualTo(2);
        assertThat(lambda.instanceCount()).isEqualTo(1);
    }

    @Test
    void aHandlerExceptionIsAFunctionErrorAndTheInstanceStays() throws Exception {
        start(config());
        var error = failed(call(lambda, "{\"op\":\"throw\"}"));
        var document = (JsonObject) Json.parse(error.body());
        assertThat(document.string("errorType")).isEqualTo("java.lang.IllegalStateException");
        assertThat(document.string("errorMessage")).isEqualTo("fixture failure");
        ok(call(lambda, "{}"));
        assertThat(lambda.instancesStarted()).isEqualTo(1);
    }

    @Test
    void malformedAndOversizedRequestsAreRejectedBeforeAnyInstanceStarts() throws Exception {
        start(config());
        var malformed = (Reply.Rejected) call(lambda, "{not json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorType()).isEqualTo("InvalidRequestContentException");
        byte[] big = ("\"" + "a".repeat(LocalLambda.MAX_REQUEST_BYTES) + "\"").getBytes(StandardCharsets.UTF_8);
        var tooLarge = (Reply.Rejected) lambda.invoke(big).get();
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.errorType()).isEqualTo("RequestEntityTooLargeException");
        assertThat(((JsonObject) Json.parse(tooLarge.body())).string("message"))
                .isEqualTo("Request must be smaller than 6291456 bytes for the InvokeFunction operation");
        assertThat(lambda.instancesStarted()).isZero();
        // A payload just under the quota goes through.
        byte[] fits = ("{\"op\":\"echo\",\"pad\":\"" + "a".repeat(LocalLambda.MAX_REQUEST_BYTES - 100) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(lambda.invoke(fits).get()).isInstanceOf(Reply.FunctionError.class); // the echo is over the response quota
    }

    @Test
    void anOversizedResponseIsFunctionResponseSizeTooLargeAndThePoolRecovers() throws Exception {
        start(config());
        var tooLarge = failed(call(lambda, "{\"op\":\"big\",\"bytes\":7000000}"));
        assertThat(tooLarge.errorType()).isEqualTo("Function.ResponseSizeTooLarge");
        assertThat(((JsonObject) Json.parse(tooLarge.body())).string("errorMessage"))
                .isEqualTo("Response payload size exceeded maximum allowed payload size (6291556 bytes).");
        ok(call(lambda, "{}"));
        assertThat(call(lambda, "{\"op\":\"big\",\"bytes\":6000000}")).isInstanceOf(Reply.Buffered.class); // under the quota
    }

    @Test
    void anInitErrorFailsTheInvocationAndEveryRetryStartsAgain() throws Exception {
        start(config().withEnvironment(Map.of("FIXTURE_INIT", "fail")));
        var first = failed(call(lambda, "{}"));
        // The RIC reports the class's failed static initializer as it loads the handler.
        assertThat(first.body()).contains("Error loading class dev.jmcp.lambda.local.fixture.FixtureHandler");
        var second = failed(call(lambda, "{}"));
        assertThat(second.errorType()).isEqualTo(first.errorType());
        assertThat(lambda.instancesStarted()).isEqualTo(2);
        assertThat(log).anyMatch(l -> l.startsWith("INIT_REPORT Init Duration: ") && l.contains("Status: error"));
    }

    @Test
    void anExitDuringInitIsRuntimeExitError() throws Exception {
        start(config().withEnvironment(Map.of("FIXTURE_INIT", "exit")));
        var failure = failed(call(lambda, "{}"));
        assertThat(failure.errorType()).isEqualTo("Runtime.ExitError");
        assertThat(failure.body()).contains("Runtime exited with error: exit status 5");
    }

    @Test
    void anInstanceOverItsMemorySizeIsKilledWithRuntimeExitError() throws Exception {
        start(config().withMemoryMb(128));
        var killed = failed(call(lambda, "{\"op\":\"alloc\",\"mb\":400}"));
        assertThat(killed.errorType()).isEqualTo("Runtime.ExitError");
        assertThat(killed.body()).contains("Runtime exited with error: signal: killed");
        ok(call(lambda, "{}"));
        assertThat(lambda.instancesStarted()).isEqualTo(2);
    }

    @Test
    void closeKillsEveryInstance() throws Exception {
        start(config());
        long pid = ok(call(lambda, "{}")).number("pid").longValue();
        lambda.close();
        assertThat(waitDead(pid)).isTrue();
        lambda = null;
    }

    void awaitReports(int n) throws InterruptedException {
        // A REPORT is written when the runtime asks for its next event, just after it answered.
        for (int i = 0; i < 500 && reports.size() < n; i++) Thread.sleep(20);
        assertThat(reports).hasSizeGreaterThanOrEqualTo(n);
    }

    static boolean waitDead(long pid) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            if (ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) return true;
            Thread.sleep(20);
        }
        return false;
    }
}
