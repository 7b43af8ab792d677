package dev.jmcp.lambda.local;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;
import dev.jmcp.json.JsonParseException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A local AWS Lambda for one function. It starts execution environments as child processes running the function's
 * runtime ({@link FunctionConfig#command()}), each with its own Runtime API endpoint (API version 2018-06-01, served
 * here on a loopback port of its own) and the environment variables Lambda sets, and hands each of them one event at
 * a time, as Lambda does:
 *
 * <ul>
 *   <li>an invocation goes to an idle instance; when all are busy a new one starts (a cold start), up to
 *       {@code maxConcurrency}; one more is throttled (429 TooManyRequestsException);</li>
 *   <li>an instance is busy from the event's delivery until its runtime asks for the next one;</li>
 *   <li>timeouts kill the instance (Sandbox.Timedout), a runtime that exits fails its invocation (Runtime.ExitError),
 *       an init error fails it with the runtime's error; the pool starts fresh instances afterwards;</li>
 *   <li>6 MB request and response limits with Lambda's error shapes; streamed responses up to 20 MB;</li>
 *   <li>START, END and REPORT log lines per invocation, INIT_REPORT on failed inits.</li>
 * </ul>
 *
 * <p>Sources for the contract, limits and error shapes: the Runtime API reference
 * (docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html), response streaming for custom runtimes
 * (runtimes-custom.html#runtimes-custom-response-streaming), Lambda quotas (gettingstarted-limits.html: 6 MB
 * synchronous request and response, 20 MB streamed, 10 s init), the Invoke API reference
 * (docs.aws.amazon.com/lambda/latest/api/API_Invoke.html: 400 InvalidRequestContentException, 413
 * RequestTooLargeException, 429 TooManyRequestsException with {@code Reason}, {@code X-Amz-Function-Error}) and the
 * reserved environment variables (configuration-envvars.html#configuration-envvars-runtime).
 */
public final class LocalLambda implements AutoCloseable {
    /** Synchronous invocation payload quota: 6 MB (6,291,456 bytes). */
    public static final int MAX_REQUEST_BYTES = 6 * 1024 * 1024;
    /** Synchronous response quota; Lambda's own message names 6291556 bytes. */
    public static final int MAX_RESPONSE_BYTES = 6_291_556;
    /** Streamed response quota: 20 MB. */
    public static final long MAX_STREAMED_RESPONSE_BYTES = 20L * 1024 * 1024;
    static final String API = "/2018-06-01/runtime/";
    static final long MEMORY_CHECK_MILLIS = 100;
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final FunctionConfig config;
    private final Consumer<String> log;
    private final List<Consumer<Report>> reportListeners = new ArrayList<>();
    private final Server server;
    private final ScheduledExecutorService timers;
    private final Map<Connector, Instance> byConnector = new ConcurrentHashMap<>();
    private final List<Instance> instances = new ArrayList<>();
    private final AtomicInteger started = new AtomicInteger();
    private final Map<Connector, Handler> fronts = new ConcurrentHashMap<>();
    private boolean closed;

    /**
     * @param log where the function's output and the START/END/REPORT lines go (Lambda's CloudWatch log stream);
     *            called from several threads
     */
    public LocalLambda(FunctionConfig config, Consumer<String> log) {
        this.config = Objects.requireNonNull(config, "config");
        this.log = Objects.requireNonNull(log, "log");
        var threads = new QueuedThreadPool();
        threads.setName("lambda-local");
        // /next waits for an event for as long as an instance is idle: a virtual thread each keeps that cheap.
        threads.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("lambda-local-"));
        this.server = new Server(threads);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Connector connector = request.getConnectionMetaData().getConnector();
                Instance instance = byConnector.get(connector);
                if (instance != null) return runtimeApi(instance, request, response, callback);
                Handler front = fronts.get(connector);
                return front != null && front.handle(request, response, callback);
            }
        });
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "lambda-local-timer");
            t.setDaemon(true);
            return t;
        });
    }

    public FunctionConfig config() {
        return config;
    }

    /** Calls {@code listener} with every invocation's REPORT numbers (after the log line is written). */
    public synchronized void onReport(Consumer<Report> listener) {
        reportListeners.add(listener);
    }

    public LocalLambda start() throws Exception {
        server.start();
        timers.scheduleWithFixedDelay(this::enforceMemory, MEMORY_CHECK_MILLIS, MEMORY_CHECK_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Lambda stops an environment whose memory use reaches the function's memory size; the runtime then ends with
     * "Runtime exited with error: signal: killed" (Runtime.ExitError). Sampled here every {@value #MEMORY_CHECK_MILLIS} ms.
     */
    private void enforceMemory() {
        List<Instance> all;
        synchronized (this) {
            all = List.copyOf(instances);
        }
        long limitKb = config.memoryMb() * 1024L;
        for (Instance instance : all) {
            long kb = instance.residentKb();
            if (kb > limitKb) {
                log.accept("lambda-local: instance " + instance.number + " uses " + kb / 1024 + " MB, more than its " + config.memoryMb()
                        + " MB: killed, as Lambda does");
                instance.kill();
            }
        }
    }

    /**
     * Serves {@code front} (e.g. a {@link FunctionUrl}) on host:port (0 picks a free port); answers the port it listens on.
     */
    public int serve(Handler front, String host, int port) throws Exception {
        var connector = new ServerConnector(server, 0, 1, new HttpConnectionFactory(new HttpConfiguration()));
        connector.setHost(host);
        connector.setPort(port);
        fronts.put(connector, front);
        front.setServer(server);
        front.start();
        server.addConnector(connector);
        connector.start();
        return connector.getLocalPort();
    }

    /** Instances alive now (starting, busy or idle). */
    public synchronized int instanceCount() {
        return instances.size();
    }

    /** Instances started since the start: the number of cold starts. */
    public int instancesStarted() {
        return started.get();
    }

    /**
     * Invokes the function synchronously with {@code payload} (the event, JSON). The future settles with the reply; it
     * always settles, at the latest when the function's timeout kills the instance.
     */
    public CompletableFuture<Reply> invoke(byte[] payload) {
        if (payload.length > MAX_REQUEST_BYTES) {
            return CompletableFuture.completedFuture(Reply.Rejected.of(413, "RequestEntityTooLargeException",
                    "Request must be smaller than " + MAX_REQUEST_BYTES + " bytes for the InvokeFunction operation", null));
        }
        try {
            Json.parse(payload);
        } catch (JsonParseException e) {
            return CompletableFuture.completedFuture(Reply.Rejected.of(400, "InvalidRequestContentException",
                    "Could not parse request body into json: " + e.getMessage(), null));
        }
        var invocation = new Invocation(UUID.randomUUID().toString(), payload);
        Reply.Rejected rejected = dispatch(invocation);
        if (rejected != null) invocation.settle(rejected);
        return invocation.reply;
    }

    /** Gives the invocation to an instance (an idle one, else a new one); answers the rejection when none may take it. */
    private Reply.Rejected dispatch(Invocation invocation) {
        Instance target = null;
        boolean cold = false;
        synchronized (this) {
            if (closed) return Reply.Rejected.of(503, "ServiceException", "the local Lambda is shutting down", null);
            for (Instance instance : instances) {
                if (instance.state == Instance.State.IDLE) {
                    target = instance;
                    break;
                }
            }
            if (target == null) {
                // An instance that has sent its whole answer is about to ask for the next event (the runtime posts the
                // response, then calls /next): it takes this one then, rather than a cold start racing that call.
                for (Instance instance : instances) {
                    if (instance.state == Instance.State.BUSY && instance.current != null && instance.current.done
                            && instance.mailbox.isEmpty()) {
                        target = instance;
                        break;
                    }
                }
            }
            if (target == null) {
                if (instances.size() >= config.maxConcurrency()) {
                    return Reply.Rejected.of(429, "TooManyRequestsException", "Rate Exceeded.",
                            "ReservedFunctionConcurrentInvocationLimitExceeded");
                }
                target = newInstance();
                cold = true;
            }
            target.state = Instance.State.BUSY;
            invocation.instance = target;
            invocation.coldStart = cold;
            target.mailbox.add(invocation);
        }
        if (cold) launch(target);
        return null;
    }

    /**
     * Invocations that waited for an instance that went away before it took them are given to another one (or a new
     * one); only the instance's own invocations fail with it.
     */
    private void redispatch(List<Invocation> waiting) {
        for (Invocation invocation : waiting) {
            Reply.Rejected rejected = dispatch(invocation);
            if (rejected != null) invocation.settle(rejected);
        }
    }

    private Instance newInstance() {
        var connector = new ServerConnector(server, 0, 1, new HttpConnectionFactory(new HttpConfiguration()));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        var instance = new Instance(started.incrementAndGet(), connector);
        instances.add(instance);
        return instance;
    }

    private void launch(Instance instance) {
        try {
            server.addConnector(instance.connector);
            instance.connector.start();
            byConnector.put(instance.connector, instance);
            var builder = new ProcessBuilder(config.command()).directory(config.taskRoot().toFile()).redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(environment("127.0.0.1:" + instance.connector.getLocalPort()));
            instance.process = builder.start();
        } catch (Exception e) {
            log.accept("lambda-local: cannot start an instance of " + config.name() + " (" + String.join(" ", config.command()) + "): " + e);
            died(instance, "Runtime.InvalidEntrypoint", "RequestId: %s Error: cannot start the runtime: " + e.getMessage());
            return;
        }
        instance.process.getOutputStream();
        Thread.ofVirtual().name("lambda-local-log-" + instance.number).start(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(instance.process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) log.accept(line);
            } catch (IOException ended) {
                // the process is gone
            }
        });
        instance.process.onExit().thenAccept(p -> died(instance, "Runtime.ExitError",
                "RequestId: %s Error: Runtime exited with error: " + exitDescription(p.exitValue())));
        timers.schedule(() -> initTimedOut(instance), config.initTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The variables Lambda sets in an execution environment, on top of the function's own. */
    Map<String, String> environment(String runtimeApi) {
        var env = new LinkedHashMap<>(config.environment());
        String root = config.taskRoot().toAbsolutePath().toString();
        env.put("PATH", "/usr/local/bin:/usr/bin/:/bin:/opt/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("LD_LIBRARY_PATH", root + "/lib:/lib64:/usr/lib64:/opt/lib");
        env.put("LAMBDA_TASK_ROOT", root);
        env.put("LAMBDA_RUNTIME_DIR", root);
        env.put("_HANDLER", config.handler());
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("AWS_LAMBDA_FUNCTION_NAME", config.name());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(config.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + config.name());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC).format(Instant.now())
                + "/[$LATEST]" + HexFormat.of().formatHex(randomBytes(16)));
        env.put("AWS_REGION", config.region());
        env.put("AWS_DEFAULT_REGION", config.region());
        if (config.executionEnv() != null) env.put("AWS_EXECUTION_ENV", config.executionEnv());
        return env;
    }

    // ---- the Runtime API, per instance

    private boolean runtimeApi(Instance instance, Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        if (path.equals(API + "invocation/next")) {
            if (!method.equals("GET")) return methodNotAllowed(response, callback);
            next(instance, response, callback);
        } else if (path.equals(API + "init/error")) {
            if (!method.equals("POST")) return methodNotAllowed(response, callback);
            initError(instance, request, response, callback);
        } else if (path.startsWith(API + "invocation/") && (path.endsWith("/response") || path.endsWith("/error"))) {
            if (!method.equals("POST")) return methodNotAllowed(response, callback);
            String rest = path.substring((API + "invocation/").length());
            String id = rest.substring(0, rest.lastIndexOf('/'));
            if (path.endsWith("/response")) respond(instance, id, request, response, callback);
            else error(instance, id, request, response, callback);
        } else {
            json(response, callback, 404, Json.object("errorMessage", "no such Runtime API resource: " + method + " " + path,
                    "errorType", "NotFound"));
        }
        return true;
    }

    private void next(Instance instance, Response response, Callback callback) throws InterruptedException {
        Invocation previous;
        synchronized (this) {
            if (instance.state == Instance.State.DEAD) {
                json(response, callback, 410, Json.object("errorMessage", "this environment was discarded", "errorType", "Gone"));
                return;
            }
            if (!instance.initialized()) instance.initDurationNanos = System.nanoTime() - instance.launchedNanos;
            previous = instance.current;
            instance.current = null;
            if (previous != null) {
                finish(previous, null);
                if (instance.mailbox.isEmpty()) instance.state = Instance.State.IDLE;
            }
        }
        Invocation invocation = instance.mailbox.take();
        synchronized (this) {
            if (invocation == Instance.GONE || instance.state == Instance.State.DEAD) {
                json(response, callback, 410, Json.object("errorMessage", "this environment was discarded", "errorType", "Gone"));
                return;
            }
            instance.current = invocation;
            invocation.deliveredNanos = System.nanoTime();
            invocation.deadlineEpochMillis = System.currentTimeMillis() + config.timeout().toMillis();
            invocation.timer = timers.schedule(() -> timedOut(invocation), config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        log.accept("START RequestId: " + invocation.requestId + " Version: $LATEST");
        response.setStatus(200);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        headers.put("Lambda-Runtime-Aws-Request-Id", invocation.requestId);
        headers.put("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineEpochMillis));
        headers.put("Lambda-Runtime-Invoked-Function-Arn", config.arn());
        headers.put("Lambda-Runtime-Trace-Id", traceId());
        headers.put(HttpHeader.CONTENT_LENGTH, invocation.payload.length);
        response.write(true, ByteBuffer.wrap(invocation.payload), callback);
    }

    private void respond(Instance instance, String id, Request request, Response response, Callback callback) throws IOException {
        Invocation invocation = claim(instance, id, response, callback);
        if (invocation == null) return;
        String contentType = Objects.requireNonNullElse(request.getHeaders().get(HttpHeader.CONTENT_TYPE), "application/json");
        if ("streaming".equalsIgnoreCase(request.getHeaders().get("Lambda-Runtime-Function-Response-Mode"))) {
            stream(invocation, contentType, request, response, callback);
            return;
        }
        byte[] body = readAtMost(request, MAX_RESPONSE_BYTES + 1);
        if (body.length > MAX_RESPONSE_BYTES) {
            invocation.settle(Reply.FunctionError.of("Function.ResponseSizeTooLarge",
                    "Response payload size exceeded maximum allowed payload size (" + MAX_RESPONSE_BYTES + " bytes)."));
            // Runtimes report a refused response as an invocation error next (the RIC does); that is accepted.
            synchronized (this) {
                invocation.responded = false;
            }
            json(response, callback, 413, Json.object("errorMessage", "Exceeded maximum allowed payload size (" + MAX_RESPONSE_BYTES + " bytes).",
                    "errorType", "RequestEntityTooLarge"));
            return;
        }
        markDone(invocation); // before the client can see the reply and invoke again
        invocation.settle(new Reply.Buffered(body, contentType));
        json(response, callback, 202, Json.object("status", "OK"));
    }

    /**
     * A streamed response: the reply settles at once so the client gets the bytes as they come; the runtime reports a
     * late error in the trailers {@code Lambda-Runtime-Function-Error-Type} and {@code -Error-Body} (base64).
     */
    private void stream(Invocation invocation, String contentType, Request request, Response response, Callback callback) throws IOException {
        var stream = new ByteStream();
        synchronized (this) {
            invocation.stream = stream;
        }
        invocation.settle(new Reply.Streamed(contentType, stream));
        Reply.FunctionError failure = null;
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                try (Blocker.Runnable demand = Blocker.runnable()) {
                    request.demand(demand);
                    demand.block();
                }
                continue;
            }
            try {
                if (Content.Chunk.isFailure(chunk)) {
                    failure = Reply.FunctionError.of("Runtime.TruncatedResponse", "the runtime's response stream broke: " + chunk.getFailure());
                    break;
                }
                ByteBuffer buffer = chunk.getByteBuffer();
                if (buffer.hasRemaining()) {
                    var bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    if (!stream.put(bytes)) break; // timed out or discarded meanwhile
                    if (stream.bytes() > MAX_STREAMED_RESPONSE_BYTES) {
                        failure = Reply.FunctionError.of("Function.ResponseSizeTooLarge",
                                "Response payload size exceeded maximum allowed payload size (" + MAX_STREAMED_RESPONSE_BYTES + " bytes).");
                        break;
                    }
                }
                if (chunk.isLast()) break;
            } finally {
                chunk.release();
            }
        }
        if (failure == null) {
            HttpFields trailers = request.getTrailers();
            String type = trailers == null ? null : trailers.get("Lambda-Runtime-Function-Error-Type");
            if (type != null) {
                String encoded = trailers.get("Lambda-Runtime-Function-Error-Body");
                String body;
                try {
                    body = encoded == null ? "" : new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    body = "";
                }
                failure = new Reply.FunctionError(type, errorDocument(type, body));
            }
        }
        markDone(invocation);
        stream.end(failure);
        if (failure != null && failure.errorType().equals("Function.ResponseSizeTooLarge")) {
            json(response, callback, 413, Json.object("errorMessage", "Exceeded maximum allowed payload size (" + MAX_STREAMED_RESPONSE_BYTES + " bytes).",
                    "errorType", "RequestEntityTooLarge"));
            return;
        }
        json(response, callback, 202, Json.object("status", "OK"));
    }

    private void error(Instance instance, String id, Request request, Response response, Callback callback) throws IOException {
        Invocation invocation = claim(instance, id, response, callback);
        if (invocation == null) return;
        String type = Objects.requireNonNullElse(request.getHeaders().get("Lambda-Runtime-Function-Error-Type"), "Runtime.Unknown");
        String body = new String(readAtMost(request, MAX_RESPONSE_BYTES), StandardCharsets.UTF_8);
        markDone(invocation);
        invocation.settle(new Reply.FunctionError(type, errorDocument(type, body)));
        json(response, callback, 202, Json.object("status", "OK"));
    }

    private void initError(Instance instance, Request request, Response response, Callback callback) throws IOException {
        String type = Objects.requireNonNullElse(request.getHeaders().get("Lambda-Runtime-Function-Error-Type"), "Runtime.Unknown");
        String body = errorDocument(type, new String(readAtMost(request, MAX_RESPONSE_BYTES), StandardCharsets.UTF_8));
        List<Invocation> failed;
        synchronized (this) {
            if (instance.initialized()) {
                json(response, callback, 403, Json.object("errorMessage", "init/error after the init phase ended",
                        "errorType", "InvalidStateTransition"));
                return;
            }
            instance.initReported = true;
            log.accept(String.format(Locale.ROOT, "INIT_REPORT Init Duration: %.2f ms\tPhase: init\tStatus: error\tError Type: %s",
                    millis(System.nanoTime() - instance.launchedNanos), type));
            failed = discard(instance);
        }
        for (Invocation invocation : failed) {
            invocation.settle(new Reply.FunctionError(type, body));
            report(invocation, "error");
        }
        // The runtime is to exit after init/error; Lambda discards the environment either way.
        json(response, callback, 202, Json.object("status", "OK"));
        timers.schedule(instance::kill, 200, TimeUnit.MILLISECONDS);
    }

    /** The invocation this instance is working on if it is {@code id} and has no response yet; else answers the error. */
    private Invocation claim(Instance instance, String id, Response response, Callback callback) {
        synchronized (this) {
            Invocation current = instance.current;
            if (current == null || !current.requestId.equals(id)) {
                json(response, callback, 400, Json.object("errorMessage", "Invalid request ID: " + id, "errorType", "InvalidRequestID"));
                return null;
            }
            if (current.responded) {
                json(response, callback, 403, Json.object("errorMessage", "the invocation " + id + " already has a response",
                        "errorType", "InvalidStateTransition"));
                return null;
            }
            current.responded = true;
            return current;
        }
    }

    // ---- the ways an invocation or an instance ends

    private synchronized void markDone(Invocation invocation) {
        invocation.done = true;
    }

    /** Ends an invocation whose runtime asked for the next event (or that the platform ended): the END and REPORT lines. */
    private void finish(Invocation invocation, String status) {
        if (invocation.timer != null) invocation.timer.cancel(false);
        if (!invocation.responded) {
            // The runtime asked for the next event without answering this one.
            invocation.settle(Reply.FunctionError.of("Runtime.NoResponse",
                    "RequestId: " + invocation.requestId + " Error: the runtime requested the next event without responding to this one"));
        }
        report(invocation, status);
    }

    private void report(Invocation invocation, String status) {
        Report report;
        synchronized (this) {
            if (invocation.reported) return;
            invocation.reported = true;
            long end = System.nanoTime();
            double duration = invocation.deliveredNanos == 0 ? 0 : millis(end - invocation.deliveredNanos);
            Instance instance = invocation.instance;
            Double init = invocation.coldStart && instance.initialized() ? millis(instance.initDurationNanos) : null;
            report = new Report(invocation.requestId, duration, Math.max(1, (long) Math.ceil(duration)), config.memoryMb(),
                    instance.maxMemoryUsedMb(), init, status);
        }
        log.accept("END RequestId: " + invocation.requestId);
        log.accept(report.line());
        List<Consumer<Report>> listeners;
        synchronized (this) {
            listeners = List.copyOf(reportListeners);
        }
        for (var listener : listeners) listener.accept(report);
    }

    private void timedOut(Invocation invocation) {
        Instance instance = invocation.instance;
        List<Invocation> others;
        synchronized (this) {
            if (invocation.reported || instance.current != invocation) return;
            log.accept(LOG_TIME.format(Instant.now()) + " " + invocation.requestId + " Task timed out after "
                    + seconds(config.timeout().toMillis()) + " seconds");
            invocation.responded = true;
            others = discard(instance);
        }
        var timeout = Reply.FunctionError.of("Sandbox.Timedout",
                "RequestId: " + invocation.requestId + " Error: Task timed out after " + seconds(config.timeout().toMillis()) + " seconds");
        endWith(invocation, timeout);
        report(invocation, "timeout");
        for (Invocation other : others) if (other != invocation) endWith(other, timeout);
        instance.kill();
    }

    private void initTimedOut(Instance instance) {
        List<Invocation> failed;
        synchronized (this) {
            if (instance.initialized() || instance.state == Instance.State.DEAD) return;
            instance.initReported = true;
            log.accept(String.format(Locale.ROOT, "INIT_REPORT Init Duration: %.2f ms\tPhase: init\tStatus: timeout",
                    millis(System.nanoTime() - instance.launchedNanos)));
            failed = discard(instance);
        }
        for (Invocation invocation : failed) {
            endWith(invocation, Reply.FunctionError.of("Sandbox.Timedout", "RequestId: " + invocation.requestId
                    + " Error: Task timed out after " + seconds(config.initTimeout().toMillis()) + " seconds (init phase)"));
            report(invocation, "timeout");
        }
        instance.kill();
    }

    /** The runtime process ended (or never started): whatever it was working on fails with {@code errorType}. */
    private void died(Instance instance, String errorType, String messageFormat) {
        List<Invocation> failed;
        synchronized (this) {
            if (instance.state == Instance.State.DEAD) {
                failed = List.of();
            } else {
                if (!instance.initialized() && !instance.initReported) {
                    log.accept(String.format(Locale.ROOT, "INIT_REPORT Init Duration: %.2f ms\tPhase: init\tStatus: error\tError Type: %s",
                            millis(System.nanoTime() - instance.launchedNanos), errorType));
                }
                failed = discard(instance);
            }
        }
        for (Invocation invocation : failed) {
            String message = String.format(messageFormat, invocation.requestId);
            log.accept(message);
            log.accept(errorType);
            endWith(invocation, Reply.FunctionError.of(errorType, message));
            report(invocation, "error");
        }
        stopConnector(instance);
    }

    /** Takes the instance out of the pool; answers the invocations it held (current and waiting). Holds the lock. */
    private List<Invocation> discard(Instance instance) {
        var held = new ArrayList<Invocation>();
        instance.state = Instance.State.DEAD;
        instances.remove(instance);
        if (instance.current != null && !instance.current.reported) held.add(instance.current);
        var queued = new ArrayList<Invocation>();
        instance.mailbox.drainTo(queued);
        queued.remove(Instance.GONE);
        instance.mailbox.add(Instance.GONE);
        var waiting = new ArrayList<Invocation>();
        for (Invocation invocation : queued) {
            if (invocation.coldStart || closed) held.add(invocation);
            else waiting.add(invocation);
        }
        if (!waiting.isEmpty()) timers.execute(() -> redispatch(waiting));
        for (Invocation invocation : held) {
            invocation.responded = true;
            if (invocation.timer != null) invocation.timer.cancel(false);
        }
        return held;
    }

    private static void endWith(Invocation invocation, Reply.FunctionError error) {
        if (!invocation.settle(error)) {
            ByteStream stream = invocation.stream;
            if (stream != null) stream.end(error);
        }
    }

    private void stopConnector(Instance instance) {
        byConnector.remove(instance.connector);
        try {
            instance.connector.stop();
        } catch (Exception ignored) {
            // stopping anyway
        }
        server.removeConnector(instance.connector);
    }

    /** Kills every instance (and its children) and stops serving. */
    @Override
    public void close() {
        List<Instance> all;
        synchronized (this) {
            closed = true;
            all = List.copyOf(instances);
        }
        for (Instance instance : all) {
            List<Invocation> held;
            synchronized (this) {
                held = discard(instance);
            }
            for (Invocation invocation : held) endWith(invocation, Reply.FunctionError.of("Runtime.ExitError",
                    "RequestId: " + invocation.requestId + " Error: the local Lambda is shutting down"));
            instance.kill();
        }
        for (Instance instance : all) {
            Process p = instance.process;
            if (p != null) {
                try {
                    p.waitFor(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        try {
            server.stop();
        } catch (Exception ignored) {
            // best effort
        }
        timers.shutdownNow();
    }

    // ---- helpers

    /** Lambda passes a runtime's error document on as it is when it is JSON; anything else is wrapped. */
    static String errorDocument(String type, String body) {
        try {
            if (Json.parse(body) instanceof JsonObject) return body;
        } catch (JsonParseException notJson) {
            // wrapped below
        }
        return Json.write(Json.object("errorMessage", body, "errorType", type));
    }

    static byte[] readAtMost(Content.Source source, int limit) throws IOException {
        var out = new ByteArrayOutputStream();
        while (true) {
            Content.Chunk chunk = source.read();
            if (chunk == null) {
                try (Blocker.Runnable demand = Blocker.runnable()) {
                    source.demand(demand);
                    demand.block();
                }
                continue;
            }
            try {
                if (Content.Chunk.isFailure(chunk)) throw new IOException("reading the body failed", chunk.getFailure());
                ByteBuffer buffer = chunk.getByteBuffer();
                int take = Math.min(buffer.remaining(), limit - out.size());
                var bytes = new byte[take];
                buffer.get(bytes);
                out.writeBytes(bytes);
                if (chunk.isLast() || out.size() >= limit) break;
            } finally {
                chunk.release();
            }
        }
        return out.toByteArray();
    }

    private static boolean methodNotAllowed(Response response, Callback callback) {
        json(response, callback, 405, Json.object("errorMessage", "method not allowed", "errorType", "MethodNotAllowed"));
        return true;
    }

    static void json(Response response, Callback callback, int status, Json body) {
        byte[] bytes = Json.writeUtf8(body);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    private static String exitDescription(int code) {
        return switch (code) {
            case 137 -> "signal: killed";
            case 143 -> "signal: terminated";
            case 134 -> "signal: aborted";
            case 139 -> "signal: segmentation fault";
            default -> "exit status " + code;
        };
    }

    /** X-Ray's trace id format: Root=1-{8 hex epoch seconds}-{24 hex};Parent={16 hex};Sampled=0. */
    private static String traceId() {
        var hex = HexFormat.of();
        return "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + hex.formatHex(randomBytes(12))
                + ";Parent=" + hex.formatHex(randomBytes(8)) + ";Sampled=0";
    }

    private static byte[] randomBytes(int n) {
        var bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2f", millis / 1000.0);
    }
}
