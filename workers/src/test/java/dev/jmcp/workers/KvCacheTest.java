package dev.jmcp.workers;

import dev.jmcp.json.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Java half of KvCache: what it sends and how it reads the answers. The other half (jmcp-jspi.mjs and KV itself)
 * runs in workerd: scripts/cache-check.mjs through the cache fixture, in scripts/test.sh.
 */
class KvCacheTest {
    private final List<String> sent = new ArrayList<>();

    private KvCache answering(String answer) {
        return new KvCache("CACHE", request -> {
            sent.add(request);
            return answer;
        });
    }

    @Test
    void eachOperationSendsItsRequest() {
        answering("{}").put("k", "ünïcode \"v\"", 90);
        answering("{}").delete("k");
        answering("{\"value\":null}").get("k");
        assertThat(sent.stream().map(Json::parse)).containsExactly(
                Json.object("op", "put", "key", "k", "value", "ünïcode \"v\"", "ttl", 90),
                Json.object("op", "delete", "key", "k"),
                Json.object("op", "get", "key", "k"));
    }

    @Test
    void getReadsAValueOrItsAbsence() {
        assertThat(answering("{\"value\":\"v\"}").get("k")).contains("v");
        assertThat(answering("{\"value\":null}").get("k")).isEmpty();
        assertThat(answering("{}").get("k")).isEmpty();
    }

    @Test
    void kvErrorsAndBrokenAnswersFailNamingTheBindingAndKey() {
        assertThatThrownBy(() -> answering("{\"error\":\"KV PUT failed: 429 Too Many Requests\"}").put("k", "v", 60))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Workers KV CACHE put of \"k\" failed: KV PUT failed: 429 Too Many Requests");
        assertThatThrownBy(() -> answering("not json").get("k"))
                .isInstanceOf(IllegalStateException.class).hasMessage("Workers KV CACHE gave no JSON object as the answer for key \"k\"");
        assertThatThrownBy(() -> answering(null).delete("k")).hasMessageContaining("gave no JSON object");
        assertThatThrownBy(() -> answering("[1]").get("k")).hasMessageContaining("gave no JSON object");
        assertThatThrownBy(() -> answering("{\"value\":7}").get("k"))
                .hasMessage("Workers KV CACHE answered a get of \"k\" with a value that is not a string");
    }

    @Test
    void refusedCallsNeverReachKv() {
        assertThatThrownBy(() -> answering("{}").put("k", "v", 59)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> answering("{}").get("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(sent).isEmpty();
    }
}
