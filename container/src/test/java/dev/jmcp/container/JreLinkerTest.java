package dev.jmcp.container;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JreLinkerTest {

    @Test
    void modules_come_from_jdeps_summary_lines_plus_the_ones_jmcp_always_needs() {
        String summary = """
                app.jar -> java.base
                app.jar -> jmcp-core-0.1.0.jar
                org.eclipse.jetty.util -> java.desktop
                org.eclipse.jetty.util -> java.management
                sqlite-jdbc-3.51.1.0.jar -> java.sql
                """;

        assertThat(JreLinker.modulesFromSummary(summary))
                .as("java.desktop only for Jetty's optional bean introspection is left out")
                .containsExactly("java.base", "java.logging", "java.management", "java.sql", "jdk.unsupported");
    }

    @Test
    void another_jar_that_uses_an_optional_module_still_gets_it() {
        assertThat(JreLinker.modulesFromSummary("charts.jar -> java.desktop\norg.eclipse.jetty.util -> java.desktop\n"))
                .contains("java.desktop");
    }

    @Test
    void pgjdbc_on_the_class_path_does_not_pull_in_java_desktop() {
        assertThat(JreLinker.modulesFromSummary("postgresql-42.7.14.jar -> java.desktop\npostgresql-42.7.14.jar -> java.sql\n"))
                .contains("java.sql").doesNotContain("java.desktop");
        assertThat(JreLinker.modulesFromSummary("postgresql-extras.txt -> java.desktop\n")).contains("java.desktop");
    }
}
