package dev.jmcp.server;

import dev.jmcp.http.EndpointOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContainerMainTest {

    @Test
    void defaults_follow_the_cloud_run_contract() {
        var s = ContainerMain.Settings.from(Map.of());

        assertThat(s.host()).isEqualTo("0.0.0.0");
        assertThat(s.mode()).isEqualTo(EndpointOptions.Mode.STATELESS);
        assertThat(s.maxConcurrentRequests()).isEqualTo(80);
        assertThat(s.drainTimeout()).isEqualTo(Duration.ofSeconds(8));
        assertThat(s.allowedHosts()).isEmpty();
    }

    @Test
    void environment_variables_override_them() {
        var s = ContainerMain.Settings.from(Map.of("JMCP_HOST", "127.0.0.1", "JMCP_SESSIONS", "stateful",
                "JMCP_MAX_CONCURRENT_REQUESTS", "0", "JMCP_DRAIN_TIMEOUT_SECONDS", "3",
                "JMCP_ALLOWED_HOSTS", "notes-abc.a.run.app, Mcp.Example.com"));

        assertThat(s.mode()).isEqualTo(EndpointOptions.Mode.STATEFUL);
        assertThat(s.maxConcurrentRequests()).isZero();
        assertThat(s.drainTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(s.allowedHosts()).isEqualTo(List.of("notes-abc.a.run.app", "mcp.example.com"));
    }

    @Test
    void a_bad_value_names_its_variable() {
        assertThatThrownBy(() -> ContainerMain.Settings.from(Map.of("JMCP_MAX_CONCURRENT_REQUESTS", "lots")))
                .hasMessage("JMCP_MAX_CONCURRENT_REQUESTS must be a whole number from 0 to 100000, got \"lots\"");
        assertThatThrownBy(() -> ContainerMain.Settings.from(Map.of("JMCP_SESSIONS", "sticky")))
                .hasMessage("JMCP_SESSIONS must be stateless or stateful, got \"sticky\"");
    }

    @Test
    void the_server_listens_on_port_from_the_environment() {
        var http = ContainerMain.builder(dev.jmcp.McpServer.create("t", "1", mcp -> mcp.tool("x",
                tool -> tool.description("x").handle(call -> dev.jmcp.ToolResult.text("x")))),
                Map.of("PORT", "0", "JMCP_HOST", "127.0.0.1")).build().start();
        try {
            assertThat(http.port()).isPositive();
        } finally {
            http.stop();
        }
    }
}
