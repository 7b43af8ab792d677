package dev.jmcp.lambda;

import dev.jmcp.http.Headers;
import dev.jmcp.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * jmcp's own Lambda runtime for {@code provided.al2023}, started by the package's {@code bootstrap}: makes the
 * application once ({@link LambdaInstance}), then loops over the Runtime API's {@code /next}, serving each event.
 *
 * <p><b>Streaming.</b> With {@value #STREAMING_ENV}{@code =true} (set it when the Function URL's invoke mode is
 * {@code RESPONSE_STREAM}), payload 2.0 events are answered as a streamed response: {@code
 * Lambda-Runtime-Function-Response-Mode: streaming}, a chunked body of content type {@value #HTTP_INTEGRATION}
 * (the JSON prelude with status, headers and cookies, 8 NUL bytes, then the body as it is produced), and a failure
 * after the first byte reported in the trailers. Progress and log notifications then reach the client while the tool
 * still runs. Other events, or without the variable, are answered buffered.
 *
 * <p><b>Errors.</b> An application that cannot be made posts {@code /runtime/init/error} ({@code Runtime.InitError})
 * and exits; an event that is not an HTTP event posts the invocation's {@code /error} ({@code Runtime.InvalidEvent});
 * any other failure {@code Runtime.HandlerError}. The loop goes on after invocation errors.
 *
 * <p>{@code --train} runs the AOT training instead ({@link Training}).
 */
public final class RuntimeMain {
    public static final String STREAMING_ENV = "JMCP_RESPONSE_STREAMING";
    static final String HTTP_INTEGRATION = "application/vnd.awslambda.http-integration-response";
    private static final byte[] PRELUDE_END = new byte[8];

    private RuntimeMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--train")) {
            Training.run(System.getenv());
            return;
        }
        System.exit(serve(System.getenv(), Long.MAX_VALUE));
    }

    /** Serves up to {@code invocations} events; answers the exit code. */
    static int serve(Map<String, String> env, long invocations) {
        try (var api = new RuntimeApiClient(env.get("AWS_LAMBDA_RUNTIME_API"))) {
            return serve(api, env, invocations);
        }
    }

    private static int serve(RuntimeApiClient api, Map<String, String> env, long invocations) {
        LambdaInstance instance;
        try {
            instance = LambdaInstance.fromEnvironment(env);
        } catch (Throwable e) {
            try {
                api.initError("Runtime.InitError", errorJson(e, "Runtime.InitError"));
            } catch (IOException unreachable) {
                System.err.println("jmcp: cannot report the init error to the Runtime API: " + unreachable);
            }
            System.err.println("jmcp: init failed: " + e);
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "jmcp-lambda-shutdown"));
        boolean streaming = "true".equalsIgnoreCase(env.getOrDefault(STREAMING_ENV, "").trim());
        for (long served = 0; served < invocations; served++) {
            RuntimeApiClient.Invocation invocation;
            try {
                invocation = api.next();
            } catch (IOException e) {
                System.err.println("jmcp: the Runtime API is gone: " + e.getMessage());
                return 1;
            }
            try {
                serveOne(api, instance, invocation, streaming);
            } catch (IOException e) {
                System.err.println("jmcp: cannot answer invocation " + invocation.requestId() + ": " + e.getMessage());
            }
        }
        return 0;
    }

    private static void serveOne(RuntimeApiClient api, LambdaInstance instance, RuntimeApiClient.Invocation invocation, boolean streaming)
            throws IOException {
        if (invocation.traceId() != null) System.setProperty("com.amazonaws.xray.traceHeader", invocation.traceId());
        long deadline = invocation.deadlineMillis() > 0 ? invocation.deadlineMillis() : System.currentTimeMillis() + 900_000;
        byte[] event = invocation.event();
        HttpEvent parsed;
        try {
            parsed = HttpEvent.parse(event);
        } catch (InvalidEventException e) {
            api.error(invocation.requestId(), "Runtime.InvalidEvent", errorJson(e, "Runtime.InvalidEvent"));
            return;
        }
        if (streaming && parsed.source() == EventSource.HTTP_V2) {
            stream(api, instance, invocation, event, deadline);
            return;
        }
        byte[] response;
        try {
            response = instance.endpoint().invoke(event, deadline);
        } catch (RuntimeException | Error e) {
            api.error(invocation.requestId(), "Runtime.HandlerError", errorJson(e, "Runtime.HandlerError"));
            return;
        }
        api.respond(invocation.requestId(), response);
    }

    private static void stream(RuntimeApiClient api, LambdaInstance instance, RuntimeApiClient.Invocation invocation, byte[] event, long deadline)
            throws IOException {
        RuntimeApiClient.Stream[] open = {null};
        try {
            instance.endpoint().stream(event, new LambdaEndpoint.ResponseStream() {
                @Override
                public void start(int status, Headers headers) throws IOException {
                    open[0] = api.stream(invocation.requestId(), HTTP_INTEGRATION);
                    byte[] prelude = Json.writeUtf8(ResponseEvent.streamingPrelude(status, headers));
                    byte[] first = new byte[prelude.length + PRELUDE_END.length];
                    System.arraycopy(prelude, 0, first, 0, prelude.length);
                    open[0].write(first);
                }

                @Override
                public void write(byte[] bytes) throws IOException {
                    open[0].write(bytes);
                }
            }, deadline);
            open[0].finish(null, null);
        } catch (RuntimeException | Error e) {
            if (open[0] == null) api.error(invocation.requestId(), "Runtime.HandlerError", errorJson(e, "Runtime.HandlerError"));
            else open[0].finish("Runtime.HandlerError", errorJson(e, "Runtime.HandlerError"));
        }
    }

    /** Lambda's error document. The message is the exception's; no stack trace (it may name internals). */
    static byte[] errorJson(Throwable e, String type) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        return Json.write(Json.object("errorMessage", message, "errorType", e.getClass().getName(), "stackTrace", java.util.List.of()))
                .getBytes(StandardCharsets.UTF_8);
    }
}
