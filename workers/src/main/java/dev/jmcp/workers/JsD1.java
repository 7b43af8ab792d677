package dev.jmcp.workers;

import org.teavm.interop.Import;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * Statements to one D1 binding, through {@code jmcp-jspi.mjs}. Three calls per statement: start
 * it (D1's Promise is kept under a ticket), wait for the ticket, take the answer. Only the wait suspends, and it is a
 * plain wasm import taking an {@code i32}: JSPI suspends only when the suspending import is called straight from
 * wasm, with no JavaScript frame between it and the {@code WebAssembly.promising} entry, and TeaVM makes
 * {@code @JSBody} calls through JavaScript trampolines.
 */
final class JsD1 implements D1Database.Statements {
    private final JSObject binding;

    /** @param binding the Worker's D1 binding ({@code env.DB}) */
    JsD1(JSObject binding) {
        this.binding = binding;
    }

    /** True when {@code env[name]} is a D1 binding. */
    @JSBody(params = {"env", "name"}, script = "return jmcpD1.isD1(env[name]);")
    static native boolean isD1(JSObject env, String name);

    @Override
    public String run(String request) {
        int ticket = start(binding, request);
        await(ticket);
        return take(ticket);
    }

    @JSBody(params = {"db", "request"}, script = "return jmcpD1.start(db, request);")
    private static native int start(JSObject db, String request);

    /** Suspends this request's wasm stack until the ticket's statement has settled. */
    @Import(module = "jmcp", name = "d1Wait")
    private static native void await(int ticket);

    @JSBody(params = "ticket", script = "return jmcpD1.take(ticket);")
    private static native String take(int ticket);
}
