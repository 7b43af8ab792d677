package dev.jmcp.internal;

import dev.jmcp.McpException;
import dev.jmcp.json.Json;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestStateTest {
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    final RequestState states = new RequestState(KEY, 60_000);
    final Map<String, Json> answers = Map.of("user_name", Json.object("action", "accept", "content", Json.object("name", "Ada")));

    @Test
    void aSealedStateOpensToItsAnswers() {
        String state = states.seal("tools/call", "greet", answers, 1_000);
        assertThat(states.open(state, "tools/call", "greet", 2_000)).isEqualTo(answers);
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String state = states.seal("tools/call", "greet", answers, 1_000);
        String[] parts = state.split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replace("Ada", "Eve").getBytes());
        assertRefused(() -> states.open(parts[0] + "." + forged + "." + parts[2], "tools/call", "greet", 2_000), "altered");
    }

    @Test
    void aStateFromAnotherKeyIsRefused() {
        String state = new RequestState("another key of at least 32 bytes!!".getBytes(), 60_000).seal("tools/call", "greet", answers, 1_000);
        assertRefused(() -> states.open(state, "tools/call", "greet", 2_000), "not issued by this server");
    }

    @Test
    void anExpiredStateIsRefused() {
        String state = states.seal("tools/call", "greet", answers, 1_000);
        assertRefused(() -> states.open(state, "tools/call", "greet", 61_001), "expired");
    }

    @Test
    void aStateReplayedForAnotherToolOrMethodIsRefused() {
        String state = states.seal("tools/call", "greet", answers, 1_000);
        assertRefused(() -> states.open(state, "tools/call", "delete_everything", 2_000), "issued for tools/call \"greet\"");
        assertRefused(() -> states.open(state, "prompts/get", "greet", 2_000), "not for prompts/get");
    }

    @Test
    void malformedStatesAreRefused() {
        for (String bad : new String[] {"", "v1", "v1.x", "v2.a.b", "v1.!!!.???", "v1.e30.AAAA"}) {
            assertThatThrownBy(() -> states.open(bad, "tools/call", "greet", 2_000))
                    .as(bad).isInstanceOfSatisfying(McpException.class, e -> assertThat(e.code()).isEqualTo(-32602))
                    .hasMessageStartingWith("requestState refused");
        }
    }

    @Test
    void shortKeysAreRejected() {
        assertThatThrownBy(() -> new RequestState(new byte[16], 60_000)).hasMessageContaining("at least 32 bytes");
    }

    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String why) {
        assertThatThrownBy(call).isInstanceOfSatisfying(McpException.class, e -> assertThat(e.code()).isEqualTo(-32602))
                .hasMessageContaining(why);
    }
}
