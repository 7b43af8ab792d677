package dev.jmcp.bench;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class JmhRunnerTest {
    /** One result as JMH's JSON gives it: one array of iteration scores per fork. */
    private static JsonObject jmh(String benchmark, String message, double error, double alloc, double[]... forks) {
        return Json.parse("""
                {"benchmark":"dev.jmcp.bench.%s","params":{"message":"%s"},
                 "primaryMetric":{"score":0,"scoreError":%s,"rawData":%s},
                 "secondaryMetrics":{"gc.alloc.rate.norm":{"score":%s}}}""".formatted(benchmark, message, error,
                Json.of(List.of(forks).stream().map(f -> java.util.Arrays.stream(f).boxed().toList()).toList()), alloc)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).asObject();
    }

    @Test
    void one_fork_runs_of_the_same_benchmark_merge_with_their_forks_in_run_order() {
        var merged = JmhRunner.results(List.of(
                jmh("CodecBenchmark.parseJmcp", "CALL_RESULT", 5, 1000, new double[]{10, 20, 30}),
                jmh("CodecBenchmark.parseJacksonCore", "CALL_RESULT", 5, 700, new double[]{40, 40, 40}),
                jmh("CodecBenchmark.parseJmcp", "CALL_RESULT", 7, 1200, new double[]{50, 60, 70})));

        assertThat(merged).hasSize(2);
        JsonObject jmcp = merged.getFirst();
        assertThat(jmcp.string("benchmark")).isEqualTo("CodecBenchmark.parseJmcp");
        assertThat(jmcp.string("param")).isEqualTo("CALL_RESULT");
        assertThat(jmcp.array("forkOpsPerSec").items()).extracting(v -> v.asNumber().doubleValue()).containsExactly(20.0, 60.0);
        assertThat(jmcp.number("medianOpsPerSec").doubleValue()).isEqualTo(40.0);   // of 10, 20, 30, 50, 60, 70
        assertThat(jmcp.number("opsPerSec").doubleValue()).isEqualTo(40.0);
        assertThat(jmcp.has("error")).as("JMH's interval covers one run only").isFalse();
        assertThat(jmcp.number("allocBytesPerOp").doubleValue()).isEqualTo(1100.0);
    }

    @Test
    void a_run_of_several_forks_keeps_jmhs_error_and_each_forks_mean() {
        var result = JmhRunner.results(List.of(jmh("EndpointBenchmark.toolsCall", "echo", 3.5, 900,
                new double[]{1, 3}, new double[]{5, 7}, new double[]{9, 11}))).getFirst();

        assertThat(result.array("forkOpsPerSec").items()).extracting(v -> v.asNumber().doubleValue()).containsExactly(2.0, 6.0, 10.0);
        assertThat(result.number("error").doubleValue()).isEqualTo(3.5);
    }

    @Test
    void the_ratio_pairs_forks_of_the_same_round_so_drift_between_rounds_cancels() {
        // The host ran at full speed, then at 0.6, then at 1.4; jmcp was 0.8, 0.9 and 0.95 of Jackson in those rounds.
        // Paired, the median is 0.9; the two medians' ratio would say 80 / 100 = 0.8, taking them from different rounds.
        var results = JmhRunner.results(List.of(
                jmh("CodecBenchmark.writeJmcp", "TOOLS_LIST", 1, 1, new double[]{80}),
                jmh("CodecBenchmark.writeJacksonCore", "TOOLS_LIST", 1, 1, new double[]{100}),
                jmh("CodecBenchmark.writeJacksonCore", "TOOLS_LIST", 1, 1, new double[]{60}),
                jmh("CodecBenchmark.writeJmcp", "TOOLS_LIST", 1, 1, new double[]{54}),
                jmh("CodecBenchmark.writeJmcp", "TOOLS_LIST", 1, 1, new double[]{133}),
                jmh("CodecBenchmark.writeJacksonCore", "TOOLS_LIST", 1, 1, new double[]{140})));

        assertThat(JmhRunner.pairedRatio(results.get(0), results.get(1))).isCloseTo(0.9, within(1e-9));
        assertThat(JmhRunner.pairedRatio(results.get(0), null)).isNaN();
    }
}
