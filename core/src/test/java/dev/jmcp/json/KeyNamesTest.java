package dev.jmcp.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The key table every parse shares: what it returns, what it keeps, and that racing parses still get their keys. */
class KeyNamesTest {
    private static JsonObject parse(String text) {
        return Json.parse(text.getBytes(StandardCharsets.UTF_8)).asObject();
    }

    private static String onlyKey(String text) {
        return parse(text).keyAt(0);
    }

    @Test
    void a_key_one_parse_met_comes_back_from_the_next_parse_as_the_same_string() {
        String first = onlyKey("{\"customerRegion\":1}");
        String second = onlyKey("{\"customerRegion\":2}");
        assertThat(second).isEqualTo("customerRegion").isSameAs(first);
    }

    @Test
    void well_known_names_stay_however_many_other_keys_come_after_them() {
        String jsonrpc = onlyKey("{\"jsonrpc\":\"2.0\"}");
        String inputSchema = onlyKey("{\"inputSchema\":{}}");
        var random = new Random(5);
        var text = new StringBuilder("{");
        for (int i = 0; i < 20_000; i++) {
            if (i > 0) text.append(',');
            text.append("\"k").append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36)).append("\":").append(i);
        }
        assertThat(parse(text.append('}').toString()).size()).isEqualTo(20_000);
        assertThat(onlyKey("{\"jsonrpc\":\"2.0\"}")).isSameAs(jsonrpc);
        assertThat(onlyKey("{\"inputSchema\":{}}")).isSameAs(inputSchema);
    }

    @Test
    void parses_racing_for_the_same_slots_each_get_their_own_keys() throws Exception {
        // 4,000 keys for 1,024 slots: threads keep replacing each other's entries while they read them.
        var random = new Random(11);
        var names = new ArrayList<String>();
        for (int i = 0; i < 4000; i++) names.add("p" + Integer.toString(random.nextInt(1 << 30), 36));
        try (var pool = Executors.newFixedThreadPool(4)) {
            var results = new ArrayList<Future<?>>();
            for (int t = 0; t < 4; t++) {
                int offset = t * 7;
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 200; round++) {
                        List<String> keys = new ArrayList<>();
                        var text = new StringBuilder("{");
                        for (int k = 0; k < 40; k++) {
                            String key = names.get((offset + round * 40 + k * 13) % names.size());
                            if (keys.contains(key)) continue;
                            keys.add(key);
                            text.append(text.length() == 1 ? "" : ",").append('"').append(key).append("\":").append(k);
                        }
                        JsonObject object = parse(text.append('}').toString());
                        assertThat(object.members().keySet()).containsExactlyElementsOf(keys);
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) result.get();
        }
    }
}
