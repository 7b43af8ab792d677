package dev.jmcp.workers;

import org.teavm.interop.Import;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * Operations on one Workers KV binding, through {@code jmcp-jspi.mjs}, in the three steps of {@link JsD1}: start
 * (KV's Promise is kept under a ticket), wait, take the answer. The wait is its own import, {@code jmcp.kvWait}, so
 * that the build can tell from the module's imports whether the application reaches KV (and bind a namespace).
 */
final class JsKv implements KvCache.Operations {
    private final JSObject binding;

    /** @param binding the Worker's KV binding ({@code env.CACHE}) */
    JsKv(JSObject binding) {
        this.binding = binding;
    }

    /** True when {@code env[name]} is a KV namespace binding. */
    @JSBody(params = {"env", "name"}, script = "return jmcpKv.isKv(env[name]);")
    static native boolean isKv(JSObject env, String name);

    @Override
    public String run(String request) {
        int ticket = start(binding, request);
        await(ticket);
        return take(ticket);
    }

    @JSBody(params = {"kv", "request"}, script = "return jmcpKv.start(kv, request);")
    private static native int start(JSObject kv, String request);

    /** Suspends this request's wasm stack until the ticket's operation has settled. */
    @Import(module = "jmcp", name = "kvWait")
    private static native void await(int ticket);

    @JSBody(params = "ticket", script = "return jmcpKv.take(ticket);")
    private static native String take(int ticket);
}
