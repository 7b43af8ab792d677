package dev.jmcp.workers;

import dev.jmcp.KeyValueCache;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonNull;
import dev.jmcp.json.JsonObject;
import dev.jmcp.json.JsonParseException;
import dev.jmcp.json.JsonString;
import org.teavm.jso.JSObject;

import java.util.Objects;
import java.util.Optional;

/**
 * The Workers runtime's {@link KeyValueCache}: a Workers KV namespace bound to the Worker ({@code env.CACHE} unless
 * the var {@code JMCP_KV_BINDING} names another). Each call waits for KV as a D1 statement does: it suspends the
 * request's WebAssembly stack until KV answers (see {@link D1Database}), so it must run while a request is served.
 * KV is eventually consistent: a value written at one location can take up to a minute to be seen at others, and
 * one key takes about one write per second.
 */
public final class KvCache implements KeyValueCache {

    /**
     * Carries one operation to KV and back, as JSON text. The request is {@code {"op": "get", "key": k}},
     * {@code {"op": "put", "key": k, "value": v, "ttl": seconds}} or {@code {"op": "delete", "key": k}}; the answer
     * is {@code {"value": v-or-null}} for get, {@code {}} for the others, or {@code {"error": "KV's message"}}. On
     * Workers it is {@link JsKv}; a test may supply its own.
     */
    @FunctionalInterface
    public interface Operations {
        String run(String request);
    }

    private final String binding;
    private final Operations operations;

    /** The KV namespace bound as {@code env[name]}; empty when the Worker has no KV binding of that name. */
    public static Optional<KvCache> of(JSObject env, String name) {
        if (!JsKv.isKv(env, name)) return Optional.empty();
        return Optional.of(new KvCache(name, new JsKv(WorkersPlatform.binding(env, name))));
    }

    public KvCache(String binding, Operations operations) {
        this.binding = Objects.requireNonNull(binding, "binding");
        this.operations = Objects.requireNonNull(operations, "operations");
    }

    @Override
    public Optional<String> get(String key) {
        KeyValueCache.checkKey(key);
        return switch (run(Json.object("op", "get", "key", key), key).get("value")) {
            case JsonString value -> Optional.of(value.value());
            case null -> Optional.empty();
            case JsonNull none -> Optional.empty();
            default -> throw failure("answered a get of \"" + key + "\" with a value that is not a string");
        };
    }

    @Override
    public void put(String key, String value, int ttlSeconds) {
        KeyValueCache.checkPut(key, value, ttlSeconds);
        run(Json.object("op", "put", "key", key, "value", value, "ttl", ttlSeconds), key);
    }

    @Override
    public void delete(String key) {
        KeyValueCache.checkKey(key);
        run(Json.object("op", "delete", "key", key), key);
    }

    private JsonObject run(JsonObject request, String key) {
        String text = operations.run(Json.write(request));
        JsonObject answer;
        try {
            answer = text == null ? null : Json.parse(text) instanceof JsonObject o ? o : null;
        } catch (JsonParseException e) {
            answer = null;
        }
        if (answer == null) throw failure("gave no JSON object as the answer for key \"" + key + "\"");
        Json error = answer.get("error");
        if (error != null) {
            throw failure(request.string("op") + " of \"" + key + "\" failed: "
                    + (error instanceof JsonString message ? message.value() : Json.write(error)));
        }
        return answer;
    }

    private IllegalStateException failure(String message) {
        return new IllegalStateException("Workers KV " + binding + " " + message);
    }

    @Override
    public String toString() {
        return "KvCache[" + binding + "]";
    }
}
