package dev.jmcp.bench;

import org.openjdk.jmh.infra.Blackhole;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * jmcp's codec against jackson-core as paired ratios, for a machine whose load drifts (other jobs on a shared host).
 * JMH runs one benchmark after another and counts wall time, so a load change between them shows up as a ratio;
 * here both sides of a pair run in alternating short slices of thread CPU time (order flipped every round) and
 * each round yields one ratio, of which the median is reported with the quartiles. The operations are {@link CodecBenchmark}'s own methods.
 *
 * <pre>{@code
 * java -cp bench/target/jmcp-bench-*.jar:$(cat bench/target/classpath.txt) dev.jmcp.bench.CodecPairs [rounds] [sliceMillis] [message regex]
 * }</pre>
 */
public final class CodecPairs {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private CodecPairs() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        long sliceNanos = (args.length > 1 ? Long.parseLong(args[1]) : 200) * 1_000_000L;
        var bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        System.out.println("message        op     jmcp/jackson-core  (median, quartiles over " + rounds + " paired rounds)");
        for (Fixtures.Message message : Fixtures.Message.values()) {
            if (args.length > 2 && !message.name().matches(args[2])) continue;
            var bench = new CodecBenchmark();
            bench.message = message;
            bench.setUp();
            pair(message, "parse", bench::parseJmcp, () -> {
                try {
                    bench.parseJacksonCore(bh);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return null;
            }, rounds, sliceNanos, bh);
            pair(message, "write", bench::writeJmcp, () -> {
                try {
                    return bench.writeJacksonCore();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, rounds, sliceNanos, bh);
        }
    }

    private static void pair(Fixtures.Message message, String op, Supplier<?> jmcp, Supplier<?> jackson, int rounds,
                             long sliceNanos, Blackhole bh) {
        for (int i = 0; i < 3; i++) { // warm-up, a second per side, as long as JIT compilation takes here
            rate(jmcp, 5 * sliceNanos, bh);
            rate(jackson, 5 * sliceNanos, bh);
        }
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            double a;
            double b;
            if (r % 2 == 0) {
                a = rate(jmcp, sliceNanos, bh);
                b = rate(jackson, sliceNanos, bh);
            } else {
                b = rate(jackson, sliceNanos, bh);
                a = rate(jmcp, sliceNanos, bh);
            }
            ratios[r] = a / b;
        }
        Arrays.sort(ratios);
        System.out.printf("%-14s %-6s %6.2fx  (%.2f - %.2f)%n", message, op, ratios[rounds / 2], ratios[rounds / 4],
                ratios[rounds * 3 / 4]);
    }

    /**
     * Operations per second of this thread's CPU time over about {@code nanos} of it, in batches so the clock is read
     * rarely. CPU time, not wall time: on a loaded host the thread is descheduled for varying stretches, which wall
     * time would count against whichever side was running.
     */
    private static double rate(Supplier<?> op, long nanos, Blackhole bh) {
        long start = CPU.getCurrentThreadCpuTime();
        long deadline = start + nanos;
        long ops = 0;
        int batch = 1;
        long now;
        do {
            long batchStart = System.nanoTime();
            for (int i = 0; i < batch; i++) bh.consume(op.get());
            ops += batch;
            if (System.nanoTime() - batchStart < 200_000 && batch < 1 << 20) batch *= 2;
            now = CPU.getCurrentThreadCpuTime();
        } while (now < deadline);
        return ops * 1e9 / (now - start);
    }
}
