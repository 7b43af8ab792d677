package dev.jmcp;

import dev.jmcp.internal.Copies;
import dev.jmcp.internal.Wire;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;

import java.util.List;
import java.util.Map;

/** The client's answers to the {@link Question}s of one {@link McpCall#ask}, by key. */
public final class Answers {
    private final Map<String, Json> byKey;

    /** For jmcp's engine: the raw answers, each checked when read. */
    public Answers(Map<String, Json> byKey) {
        this.byKey = Copies.map(byKey);
    }

    public ElicitResult elicitation(String key) {
        return Wire.elicitResult(result(key, "elicitation/create"));
    }

    public SamplingResult sampling(String key) {
        return Wire.samplingResult(result(key, "sampling/createMessage"));
    }

    public List<Root> roots(String key) {
        return Wire.roots(result(key, "roots/list"));
    }

    private JsonObject result(String key, String method) {
        Json answer = byKey.get(key);
        if (answer == null) throw new IllegalArgumentException("no answer under \"" + key + "\": ask for it first");
        if (!(answer instanceof JsonObject result)) {
            throw McpException.invalidParams("inputResponses." + key + " must be a " + method + " result object, got " + answer.typeName());
        }
        return result;
    }
}
