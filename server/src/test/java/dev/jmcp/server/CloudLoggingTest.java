package dev.jmcp.server;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

class CloudLoggingTest {

    private static JsonObject format(String projectId, LogRecord record) {
        String line = new CloudLogging.JsonLineFormatter(projectId).format(record);
        assertThat(line).endsWith("\n");
        assertThat(line.strip()).doesNotContain("\n");
        return Json.parse(line.getBytes(StandardCharsets.UTF_8)).asObject();
    }

    @Test
    void a_record_becomes_one_json_line_with_severity_message_and_time() {
        var record = new LogRecord(Level.WARNING, "disk {0} is full");
        record.setParameters(new Object[] {"/tmp"});
        record.setLoggerName("dev.jmcp.server");

        var entry = format(null, record);

        assertThat(entry.string("severity")).isEqualTo("WARNING");
        assertThat(entry.string("message")).isEqualTo("disk /tmp is full");
        assertThat(entry.string("logger")).isEqualTo("dev.jmcp.server");
        assertThat(entry.string("time")).endsWith("Z");
        assertThat(entry.has("logging.googleapis.com/trace")).as("no request, no trace").isFalse();
    }

    @Test
    void levels_map_to_cloud_logging_severities() {
        assertThat(CloudLogging.severity(Level.SEVERE)).isEqualTo("ERROR");
        assertThat(CloudLogging.severity(Level.WARNING)).isEqualTo("WARNING");
        assertThat(CloudLogging.severity(Level.INFO)).isEqualTo("INFO");
        assertThat(CloudLogging.severity(Level.FINE)).isEqualTo("DEBUG");
    }

    @Test
    void an_exception_goes_into_the_message_with_its_stack_trace() {
        var record = new LogRecord(Level.SEVERE, "failed");
        record.setThrown(new IllegalStateException("boom"));

        var entry = format(null, record);

        assertThat(entry.string("severity")).isEqualTo("ERROR");
        assertThat(entry.string("message")).startsWith("failed\njava.lang.IllegalStateException: boom").contains("\tat ");
    }

    @Test
    void the_request_trace_is_attached_to_what_is_logged_while_it_runs() throws Exception {
        var context = RequestTrace.parse("4bf92f3577b34da6a3ce929d0e0e4736/1;o=1", null);
        var holder = new JsonObject[2];
        Thread.ofVirtual().start(() -> {
            try {
                RequestTrace.within(context, () -> {
                    holder[0] = format("my-project", new LogRecord(Level.INFO, "inside"));
                    holder[1] = format(null, new LogRecord(Level.INFO, "inside, no project"));
                    return null;
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).join();

        assertThat(holder[0].string("logging.googleapis.com/trace")).isEqualTo("projects/my-project/traces/4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(holder[0].string("logging.googleapis.com/spanId")).isEqualTo("0000000000000001");
        assertThat(holder[0].bool("logging.googleapis.com/trace_sampled")).isTrue();
        assertThat(holder[1].string("logging.googleapis.com/trace")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }
}
