package dev.jmcp.workers;

import dev.jmcp.McpApplication;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonString;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Int8Array;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the generated Worker entry class exports to the Worker module, one isolate's state. {@code jmcp build}
 * generates that entry class for the application named in jmcp.json (TeaVM has no reflection to find it), with one
 * {@code @JSExport} method per method here:
 *
 * <pre>{@code
 * @JSExport public static String start(String config, JSObject env) { return WorkerExports.start(new NotesApp(), config, env); }
 * @Export(name = "jmcp_handle") public static void handleCall(int call) { WorkerExports.handleCall(call); }
 * }</pre>
 */
public final class WorkerExports {
    private static final List<FacilityProvider<?>> PROVIDERS = new ArrayList<>();
    private static WorkersAdapter adapter;

    private WorkerExports() {
    }

    /**
     * Adds a facility provider; the generated entry calls this for each provider before {@link #start}. A provider
     * for a type that already has one replaces it.
     */
    public static void provide(FacilityProvider<?> provider) {
        PROVIDERS.removeIf(p -> p.type() == provider.type());
        PROVIDERS.add(provider);
    }

    /**
     * Starts the application with the Worker's vars and secrets ({@code config}: a JSON object of the string
     * members of {@code env}) and bindings ({@code env}). Answers "" or why it did not start (the Worker logs it).
     */
    public static String start(McpApplication application, String config, JSObject env) {
        Map<String, String> values = new HashMap<>();
        for (var member : Json.parse(config).asObject().members().entrySet()) {
            if (member.getValue() instanceof JsonString s) values.put(member.getKey(), s.value());
        }
        adapter = WorkersAdapter.start(application, values, new WorkersPlatform(values, env, PROVIDERS), new CryptoRandom(),
                WorkerExports::logError);
        String failure = adapter.startFailure();
        return failure == null ? "" : failure;
    }

    public static String pump(int stream) {
        return adapter().pump(stream);
    }

    /**
     * Serves a request for the entry's {@code @Export}, which the Worker module calls through
     * {@code WebAssembly.promising} so that handlers may wait for D1 (see {@code jmcp-jspi.mjs}): the arguments and
     * the answer pass through {@code jmcpCalls} under the call number, the bodies as typed arrays.
     */
    public static void handleCall(int call) {
        Int8Array body = bytesArg(call, 3);
        var answer = adapter().handle(arg(call, 0), arg(call, 1), arg(call, 2), body == null ? null : body.copyToJavaArray());
        if (answer.body() != null) answerBytes(call, Int8Array.copyFromJavaArray(answer.body()));
        answerHead(call, Int8Array.copyFromJavaArray(answer.head()));
    }

    /** {@link #pump} for the entry's {@code @Export}, as {@link #handleCall}. */
    public static void pumpCall(int call, int stream) {
        answer(call, pump(stream));
    }

    public static void cancel(int stream) {
        adapter().cancel(stream);
    }

    public static String woken() {
        return adapter().woken();
    }

    public static int maxBodyBytes() {
        return adapter().maxBodyBytes();
    }

    private static WorkersAdapter adapter() {
        if (adapter == null) throw new IllegalStateException("the Worker module must call start before serving");
        return adapter;
    }

    @JSBody(params = {"call", "index"}, script = "return jmcpCalls.arg(call,index);")
    private static native String arg(int call, int index);

    @JSBody(params = {"call", "index"}, script = "return jmcpCalls.bytesArg(call,index);")
    private static native Int8Array bytesArg(int call, int index);

    @JSBody(params = {"call", "text"}, script = "return jmcpCalls.answer(call,text);")
    private static native void answer(int call, String text);

    @JSBody(params = {"call", "head"}, script = "return jmcpCalls.answerHead(call,head);")
    private static native void answerHead(int call, Int8Array head);

    @JSBody(params = {"call", "bytes"}, script = "return jmcpCalls.answerBytes(call,bytes);")
    private static native void answerBytes(int call, Int8Array bytes);

    @JSBody(params = "message", script = "console.error(message);")
    private static native void logError(String message);
}
