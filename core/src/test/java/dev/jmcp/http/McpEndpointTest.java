package dev.jmcp.http;

import dev.jmcp.Arg;
import dev.jmcp.ElicitResult;
import dev.jmcp.Elicitation;
import dev.jmcp.LogLevel;
import dev.jmcp.McpServer;
import dev.jmcp.Tool;
import dev.jmcp.ToolResult;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class McpEndpointTest {
    static final Arg<String> NAME = Arg.string("name");
    final AtomicInteger sideEffects = new AtomicInteger();

    final McpServer server = McpServer.create("t", "1", mcp -> mcp
            .tool("echo", t -> t.description("Echoes").args(NAME).handle(call -> ToolResult.text("hi " + call.get(NAME))))
            .tool("steps", t -> t.description("Progress and logs").handle(call -> {
                call.progress(1, 2.0, "one");
                call.log(LogLevel.INFO, "working");
                call.progress(2, 2.0, "two");
                return ToolResult.text("done");
            }))
            .tool("ask", t -> t.description("Asks the user").handle(call -> {
                call.progress(0, 1.0, "before asking");
                ElicitResult answer = call.elicit(Elicitation.form("Name?", Json.object("type", "object")));
                sideEffects.incrementAndGet();
                return ToolResult.text("got " + answer.content().string("name"));
            })));

    final Wire wire = new Wire(McpEndpoint.of(server, EndpointOptions.defaults(), Wire.ENV));

    @Test
    void initializeOpensASessionWithAVisibleAsciiId() {
        wire.initialize("{}");
        assertThat(wire.session).isNotNull().matches("[\\x21-\\x7E]+").hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void aPlainToolCallIsAnsweredWithJson() {
        wire.initialize("{}");
        var r = wire.post("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"name\":\"Ada\"}}}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(Wire.body(r).object("result").array("content").get(0).asObject().string("text")).isEqualTo("hi Ada");
    }

    @Test
    void progressAndLogsStreamBeforeTheResult() {
        wire.initialize("{}");
        wire.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"debug\"}}");
        var r = wire.post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"steps\",\"_meta\":{\"progressToken\":\"p\"}}}");
        var messages = Wire.drain(r);
        assertThat(messages).extracting(m -> m.has("method") ? m.string("method") : "result")
                .containsExactly("notifications/progress", "notifications/message", "notifications/progress", "result");
        assertThat(messages.get(0).object("params").string("progressToken")).isEqualTo("p");
    }

    @Test
    void logsBelowTheSessionLevelAreNotSent() {
        wire.initialize("{}");
        wire.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"error\"}}");
        var messages = Wire.drain(wire.post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"steps\"}}"));
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).has("result")).isTrue();
    }

    @Test
    void anElicitationRoundTripRunsTheHandlerAgainWithTheAnswerAndSendsProgressOnce() {
        wire.initialize("{\"elicitation\":{}}");
        var r = wire.post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"ask\",\"_meta\":{\"progressToken\":1}}}");
        var stream = ((HttpResponse.Events) r).events();
        var woken = new AtomicInteger();
        stream.onWake(woken::incrementAndGet);
        var frames = new ArrayList<String>();
        assertThat(stream.pump(frames::add)).as("waits for the answer").isFalse();
        var first = Wire.messages(frames);
        assertThat(first).extracting(m -> m.optString("method")).containsExactly("notifications/progress", "elicitation/create");
        JsonObject question = first.get(1);

        var answer = wire.post("{\"jsonrpc\":\"2.0\",\"id\":" + Json.write(question.get("id"))
                + ",\"result\":{\"action\":\"accept\",\"content\":{\"name\":\"Grace\"}}}");
        assertThat(answer.status()).isEqualTo(202);
        assertThat(woken.get()).isPositive();

        frames.clear();
        assertThat(stream.pump(frames::add)).isTrue();
        var rest = Wire.messages(frames);
        assertThat(rest).hasSize(1);
        assertThat(rest.get(0).object("result").array("content").get(0).asObject().string("text")).isEqualTo("got Grace");
        assertThat(sideEffects.get()).as("work after the question ran once").isEqualTo(1);
    }

    @Test
    void elicitationWithoutTheClientCapabilityIsAnError() {
        wire.initialize("{}");
        var r = wire.post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"ask\"}}");
        assertThat(Wire.body(r).object("error").number("code").intValue()).isEqualTo(-32021);
    }

    @Test
    void cancellationStopsTheResponse() {
        wire.initialize("{\"elicitation\":{}}");
        var r = wire.post("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":{\"name\":\"ask\"}}");
        var stream = ((HttpResponse.Events) r).events();
        var frames = new ArrayList<String>();
        assertThat(stream.pump(frames::add)).isFalse();
        var cancel = wire.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":8}}");
        assertThat(cancel.status()).isEqualTo(202);
        frames.clear();
        assertThat(stream.pump(frames::add)).isTrue();
        assertThat(Wire.messages(frames)).isEmpty();
    }

    @Test
    void theGetStreamCarriesListChangedNotifications() {
        wire.initialize("{}");
        var get = wire.raw("GET", Headers.of("Accept", "text/event-stream", "Mcp-Session-Id", wire.session), new byte[0]);
        var stream = ((HttpResponse.Events) get).events();
        server.addTool(Tool.define("late", t -> t.description("Added later").handle(c -> ToolResult.text("x"))));
        var frames = new ArrayList<String>();
        assertThat(stream.pump(frames::add)).isFalse();
        assertThat(Wire.messages(frames)).extracting(m -> m.string("method")).containsExactly("notifications/tools/list_changed");
        var second = wire.raw("GET", Headers.of("Accept", "text/event-stream", "Mcp-Session-Id", wire.session), new byte[0]);
        assertThat(second.status()).isEqualTo(409);
    }

    @Test
    void aStreamCanBeResumedWithLastEventId() {
        wire.initialize("{}");
        var frames = new ArrayList<String>();
        var r = wire.post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"steps\",\"_meta\":{\"progressToken\":\"p\"}}}");
        ((HttpResponse.Events) r).events().pump(frames::add);
        String firstId = frames.get(1).substring(4, frames.get(1).indexOf('\n'));
        var resumed = wire.raw("GET", Headers.of("Accept", "text/event-stream", "Mcp-Session-Id", wire.session, "Last-Event-ID", firstId), new byte[0]);
        var replay = Wire.drain(resumed);
        assertThat(replay).extracting(m -> m.has("method") ? m.string("method") : "result")
                .containsExactly("notifications/progress", "result");
    }

    @Test
    void deleteEndsTheSessionAndLaterRequestsGet404() {
        wire.initialize("{}");
        var delete = wire.raw("DELETE", Headers.of("Mcp-Session-Id", wire.session), new byte[0]);
        assertThat(delete.status()).isEqualTo(200);
        var after = wire.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
        assertThat(after.status()).isEqualTo(404);
    }

    @Test
    void statelessModeAnswersWithoutSessions() {
        var stateless = new Wire(McpEndpoint.of(server, EndpointOptions.builder().mode(EndpointOptions.Mode.STATELESS).build(), Wire.ENV));
        var init = stateless.post("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"x\",\"version\":\"1\"}}}");
        assertThat(init.headers().get("Mcp-Session-Id")).isNull();
        assertThat(Wire.body(init).object("result").string("protocolVersion")).isEqualTo("2025-06-18");
        var call = stateless.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"name\":\"Bo\"}}}");
        assertThat(call.status()).isEqualTo(200);
        assertThat(stateless.raw("GET", Headers.of("Accept", "text/event-stream"), new byte[0]).status()).isEqualTo(405);
    }

    @Test
    void unknownVersionsNegotiateToTheLatest() {
        var r = wire.post("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2099-01-01\",\"capabilities\":{},\"clientInfo\":{\"name\":\"x\",\"version\":\"1\"}}}");
        assertThat(Wire.body(r).object("result").string("protocolVersion")).isEqualTo("2025-11-25");
    }


    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
