package dev.jmcp.bench;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BenchTest {
    @Test
    void onlyAFullRunReplacesTheReportAndAnyOtherKeepsItsPageBesideItsResults() {
        Set<String> all = Set.copyOf(Bench.Options.PHASES);
        assertThat(Bench.reportName("2026-11-29-0815.json", false, all)).isEqualTo("report.html");
        assertThat(Bench.reportName("2026-11-29-0840.json", false, Set.of("cold"))).isEqualTo("2026-11-29-0840.html");
        assertThat(Bench.reportName("2026-11-29-0841-quick.json", true, all)).isEqualTo("2026-11-29-0841-quick.html");
    }
}
