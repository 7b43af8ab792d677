package dev.jmcp.examples.conformance.wasm;

import dev.jmcp.examples.conformance.ConformanceApp;
import dev.jmcp.http.EndpointOptions;
import dev.jmcp.http.Env;
import dev.jmcp.http.Headers;
import dev.jmcp.http.HttpRequest;
import dev.jmcp.http.HttpResponse;
import dev.jmcp.http.McpEndpoint;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSExport;
import org.teavm.jso.typedarrays.Int8Array;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TeaVM entry point for the portability gate: the {@code wasm} profile of this module compiles this class, and with it
 * all of {@code core} that the conformance server reaches, to WebAssembly GC in strict mode on every build, so code
 * using a class-library API TeaVM lacks fails the build with TeaVM's error (threads, reflection and I/O mostly still
 * compile there; core's PortabilityTest rejects those). It is also the seed of the Cloudflare Workers adapter: one
 * stateless endpoint, strings in and out.
 */
public final class WasmEntry {

    private static final McpEndpoint ENDPOINT = McpEndpoint.of(ConformanceApp.server(),
            EndpointOptions.builder().mode(EndpointOptions.Mode.STATELESS).allowAnyHost().build(), new JsEnv());

    private WasmEntry() {
    }

    /**
     * Serves one request. {@code headersJson} is a JSON object of header name to value; the result is
     * {@code {"status":…,"headers":{…},"body":"…"}}, with an SSE response drained into the body.
     */
    @JSExport
    public static String handle(String method, String path, String headersJson, String body) {
        var headers = Headers.builder();
        for (Map.Entry<String, Json> h : Json.parse(headersJson).asObject().members().entrySet()) {
            headers.add(h.getKey(), h.getValue().asString());
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        HttpResponse response = ENDPOINT.handle(new HttpRequest(method, path, headers.build(), bytes));
        String text = switch (response) {
            case HttpResponse.Full full -> new String(full.body(), StandardCharsets.UTF_8);
            case HttpResponse.Events events -> drain(events);
        };
        var names = new LinkedHashMap<String, String>();
        for (Headers.Field f : response.headers().fields()) names.merge(f.name(), f.value(), (a, b) -> a + ", " + b);
        var out = JsonObject.builder();
        names.forEach(out::put);
        return Json.write(Json.object("status", response.status(), "headers", out.build(), "body", text));
    }

    /** The stateless lane never waits for the client, so one pump normally ends the stream; anything else is cut off. */
    private static String drain(HttpResponse.Events response) {
        var frames = new StringBuilder();
        if (!response.events().pump(frames::append)) {
            response.events().cancel();
            response.events().pump(frames::append);
        }
        return frames.toString();
    }

    @JSBody(params = "n", script = "return crypto.getRandomValues(new Int8Array(n));")
    private static native Int8Array secureRandom(int n);

    /** Wall clock from the host; randomness from WebCrypto's synchronous {@code getRandomValues}. */
    private static final class JsEnv implements Env {
        @Override
        public long currentTimeMillis() {
            return System.currentTimeMillis();
        }

        @Override
        public void randomBytes(byte[] into) {
            // getRandomValues fills at most 65536 bytes per call
            for (int off = 0; off < into.length; off += 65536) {
                int n = Math.min(65536, into.length - off);
                System.arraycopy(secureRandom(n).copyToJavaArray(), 0, into, off, n);
            }
        }
    }
}
