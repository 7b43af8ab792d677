package dev.jmcp.server;

import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthHandlerTest {
    private final HealthHandler health = new HealthHandler();
    private Server jetty;
    private LocalConnector local;

    @BeforeEach
    void start() throws Exception {
        jetty = new Server();
        local = new LocalConnector(jetty);
        jetty.addConnector(local);
        jetty.setHandler(health);
        jetty.start();
    }

    @AfterEach
    void stop() throws Exception {
        jetty.stop();
    }

    private RawHttp.Response send(String request) throws Exception {
        return RawHttp.Response.parse(local.getResponse(request));
    }

    @Test
    void health_answers_ok_as_json() throws Exception {
        var response = send(RawHttp.get("/health", "localhost"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void health_answers_503_draining_once_a_drain_began() throws Exception {
        health.drain();

        var response = send(RawHttp.get("/health", "localhost"));

        assertThat(response.status()).as("load balancers stop routing here").isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"status\":\"draining\"}");
    }

    @Test
    void health_refuses_other_methods() throws Exception {
        var response = send(RawHttp.post("/health", "localhost", "{}"));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Allow")).isEqualTo("GET, HEAD");
    }

    @Test
    void other_paths_are_not_health_s_business() throws Exception {
        assertThat(send(RawHttp.get("/healthz", "localhost")).status()).isEqualTo(404);
    }
}
