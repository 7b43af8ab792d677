package dev.jmcp.lambda.local;

import java.util.Locale;

/**
 * The numbers of one invocation, as Lambda's {@code REPORT} log line gives them.
 *
 * @param initDurationMs the init phase of the instance, on the invocation that started it (a cold start); else null
 * @param status         null when the invocation ended normally; {@code timeout}, {@code error} (runtime exit) otherwise
 */
public record Report(String requestId, double durationMs, long billedDurationMs, int memorySizeMb, long maxMemoryUsedMb,
                     Double initDurationMs, String status) {

    /** The log line, in Lambda's format (tab-separated fields). */
    public String line() {
        var s = new StringBuilder();
        s.append("REPORT RequestId: ").append(requestId)
                .append(String.format(Locale.ROOT, "\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB\tMax Memory Used: %d MB",
                        durationMs, billedDurationMs, memorySizeMb, maxMemoryUsedMb));
        if (initDurationMs != null) s.append(String.format(Locale.ROOT, "\tInit Duration: %.2f ms", initDurationMs));
        if (status != null) s.append("\tStatus: ").append(status);
        return s.toString();
    }
}
