package dev.jmcp.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmcp.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FixturesTest {
    @Test
    void the_same_bytes_come_out_on_every_call() {
        for (Fixtures.Message m : Fixtures.Message.values()) {
            assertThat(Fixtures.message(m)).as(m.name()).isEqualTo(Fixtures.message(m));
        }
        assertThat(Json.writeUtf8(Fixtures.catalog())).isEqualTo(Json.writeUtf8(Fixtures.catalog()));
    }

    @Test
    void the_messages_have_the_sizes_the_report_claims() {
        assertThat(Json.writeUtf8(Fixtures.catalog()).length).isBetween(9_500, 11_000);
        assertThat(Fixtures.message(Fixtures.Message.RESOURCE_READ).length).isBetween(100_000, 110_000);
        assertThat(Json.parse(Fixtures.message(Fixtures.Message.TOOLS_LIST)).asObject().object("result").array("tools").size()).isEqualTo(50);
    }

    @Test
    void jackson_reads_every_message_as_the_same_document() throws Exception {
        var mapper = new ObjectMapper();
        for (Fixtures.Message m : Fixtures.Message.values()) {
            byte[] bytes = Fixtures.message(m);
            assertThat(Json.parse(mapper.writeValueAsBytes(mapper.readTree(bytes)))).as(m.name()).isEqualTo(Json.parse(bytes));
        }
    }
}
