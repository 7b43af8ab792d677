package dev.jmcp.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class TargetOptionTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void an_unknown_target_exits_2_and_names_the_known_ones() {
        assertThat(run("dev", "--target", "azure-functions", "examples/notes")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown target \"azure-functions\"; known targets: jvm, google-cloud-run, aws-lambda");
    }

    @Test
    void build_for_a_target_that_cannot_build_exits_2_and_names_those_that_can() {
        assertThat(run("build", "--target", "jvm", "examples/notes")).isEqualTo(2);
        assertThat(err.toString()).contains("target jvm has no `build`; targets with `build`: google-cloud-run, aws-lambda");
    }

    @Test
    void way_and_env_belong_to_aws_lambda_and_way_is_checked() {
        assertThat(run("dev", "--way", "custom", "examples/notes")).isEqualTo(2);
        assertThat(err.toString()).contains("--way and --env are for --target aws-lambda, not jvm");
        assertThat(run("dev", "--target", "aws-lambda", "--way", "native", "examples/notes")).isEqualTo(2);
        assertThat(err.toString()).contains("--way must be managed or custom, got \"native\"");
    }

    @Test
    void build_needs_a_target() {
        assertThat(run("build", "examples/notes")).isEqualTo(2);
        assertThat(err.toString()).contains("--target");
    }

    @Test
    void podman_gets_the_hosts_own_limits() {
        assertThat(String.join(" ", Podman.ulimits())).matches("--ulimit nproc=\\d+:\\d+ --ulimit nofile=\\d+:\\d+|--ulimit nofile=\\d+:\\d+ --ulimit nproc=\\d+:\\d+");
        assertThat(CloudRunTarget.podmanMemory("512Mi")).isEqualTo("512m");
        assertThat(CloudRunTarget.withoutTag("localhost:5000/jmcp/notes:latest")).isEqualTo("localhost:5000/jmcp/notes");
    }
}
