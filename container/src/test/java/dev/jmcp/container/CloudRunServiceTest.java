package dev.jmcp.container;

import dev.jmcp.json.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudRunServiceTest {
    private static final String IMAGE = "us-docker.pkg.dev/p/r/notes@sha256:" + "a".repeat(64);

    @Test
    void the_defaults_describe_a_stateless_service_with_80_concurrent_requests() {
        String yaml = CloudRunService.defaults("notes").yaml(IMAGE);

        assertThat(yaml).contains("""
                apiVersion: serving.knative.dev/v1
                kind: Service
                metadata:
                  name: notes
                spec:
                  template:
                    metadata:
                      annotations:
                        autoscaling.knative.dev/minScale: "0"
                        autoscaling.knative.dev/maxScale: "10"
                        run.googleapis.com/startup-cpu-boost: "true"
                    spec:
                      containerConcurrency: 80
                      timeoutSeconds: 300
                      containers:
                      - image: "%s"
                        ports:
                        - name: http1
                          containerPort: 8080
                        env:
                        - name: JMCP_MAX_CONCURRENT_REQUESTS
                          value: "80"
                        - name: JMCP_SESSIONS
                          value: "stateless"
                """.formatted(IMAGE));
        assertThat(yaml).contains("""
                        resources:
                          limits:
                            cpu: "1"
                            memory: "512Mi"
                        startupProbe:
                          httpGet:
                            path: /health
                            port: 8080
                """);
        assertThat(yaml).doesNotContain("\t").doesNotContain("PORT\n");
    }

    @Test
    void jmcp_json_sets_scaling_env_and_secrets() {
        var section = Json.parse("""
                {"concurrency": 40, "minInstances": 1, "maxInstances": 3, "cpuBoost": false, "memory": "1Gi",
                 "env": {"JMCP_DATABASE_URL": "jdbc:postgresql:///notes?cloudSqlInstance=p:r:i"},
                 "secrets": {"JMCP_DATABASE_PASSWORD": "notes-db-password:3", "API_KEY": "api-key"}}
                """.getBytes(StandardCharsets.UTF_8)).asObject();

        String yaml = CloudRunService.fromJson("notes", section).yaml(IMAGE);

        assertThat(yaml).contains("containerConcurrency: 40\n", "minScale: \"1\"", "maxScale: \"3\"",
                "startup-cpu-boost: \"false\"", "memory: \"1Gi\"", "value: \"40\"",
                "value: \"jdbc:postgresql:///notes?cloudSqlInstance=p:r:i\"");
        assertThat(yaml).contains("""
                        - name: API_KEY
                          valueFrom:
                            secretKeyRef:
                              name: "api-key"
                              key: "latest"
                        - name: JMCP_DATABASE_PASSWORD
                          valueFrom:
                            secretKeyRef:
                              name: "notes-db-password"
                              key: "3"
                """);
    }

    @Test
    void stateful_sessions_mean_one_instance() {
        var section = Json.parse("{\"sessions\": \"stateful\"}".getBytes(StandardCharsets.UTF_8)).asObject();

        var service = CloudRunService.fromJson("notes", section);

        assertThat(service.maxInstances()).isEqualTo(1);
        assertThat(service.yaml(IMAGE)).contains("maxScale: \"1\"", "value: \"stateful\"");
        assertThatThrownBy(() -> CloudRunService.fromJson("notes",
                Json.parse("{\"sessions\": \"stateful\", \"maxInstances\": 4}".getBytes(StandardCharsets.UTF_8)).asObject()))
                .hasMessageContaining("stateful sessions live in one process: set maxInstances to 1 (got 4)");
    }

    @Test
    void mistakes_are_named() {
        assertThatThrownBy(() -> CloudRunService.fromJson("notes", Json.parse("{\"concurency\": 5}".getBytes(StandardCharsets.UTF_8)).asObject()))
                .hasMessageStartingWith("googleCloudRun has no setting \"concurency\"; known: service, concurrency");
        assertThatThrownBy(() -> new CloudRunService("notes", 80, "1", "512Mi", true, 0, 10, 300, false, Map.of("PORT", "9"), Map.of()))
                .hasMessage("PORT is set by Cloud Run itself; leave it out of env and secrets");
        assertThatThrownBy(() -> CloudRunService.defaults("Notes_App"))
                .hasMessageStartingWith("service name \"Notes_App\" must be");
    }

    @Test
    void yaml_strings_are_quoted_safely() {
        assertThat(CloudRunService.quote("a \"b\"\n\\")).isEqualTo("\"a \\\"b\\\"\\n\\\\\"");
    }
}
