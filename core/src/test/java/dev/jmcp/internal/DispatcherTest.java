package dev.jmcp.internal;

import dev.jmcp.Arg;
import dev.jmcp.McpException;
import dev.jmcp.McpServer;
import dev.jmcp.PromptMessage;
import dev.jmcp.PromptResult;
import dev.jmcp.ResourceResult;
import dev.jmcp.ToolResult;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DispatcherTest {
    static final Arg<String> TOPIC = Arg.string("topic").description("What to write about");
    final List<Throwable> reported = new ArrayList<>();

    final McpServer server = McpServer.create("t", "1", mcp -> {
        mcp.pageSize(2);
        IntStream.range(0, 5).forEach(i -> mcp.tool("tool" + i, t -> t.description("Tool " + i).handle(c -> ToolResult.text("t" + i))));
        mcp.tool("boom", t -> t.description("Fails").handle(c -> {
            throw new IllegalStateException("secret detail");
        }));
        mcp.resourceTemplate("items://{id}", r -> r.name("item")
                .complete("id", (prefix, ctx) -> IntStream.range(0, 150).mapToObj(i -> "id" + i).filter(s -> s.startsWith(prefix)).toList())
                .read(read -> ResourceResult.text(read.uri(), "text/plain", "item " + read.var("id"))));
        mcp.prompt("write", p -> p.description("Writes").args(TOPIC)
                .render(call -> PromptResult.of(PromptMessage.user("Write about " + call.get(TOPIC)))));
    });
    final Dispatcher dispatcher = new Dispatcher(server, (where, e) -> reported.add(e));

    JsonObject call(String method, String params) {
        var client = new CallContext.Client("2025-11-25", JsonObject.builder().build(), null, null);
        return dispatcher.call(method, Json.parse(params).asObject(), new CallContext(client, Emitter.NONE, Map.of(), 0));
    }

    @Test
    void listsArePagedWithOpaqueCursorsInRegistrationOrder() {
        var names = new ArrayList<String>();
        String cursor = null;
        int pages = 0;
        do {
            var page = call("tools/list", cursor == null ? "{}" : Json.write(Json.object("cursor", cursor)));
            page.array("tools").forEach(t -> names.add(t.asObject().string("name")));
            cursor = page.optString("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(names).containsExactly("tool0", "tool1", "tool2", "tool3", "tool4", "boom");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void aForgedCursorIsInvalidParams() {
        assertThatThrownBy(() -> call("tools/list", "{\"cursor\":\"jmcp1.zzzzzz\"}"))
                .isInstanceOfSatisfying(McpException.class, e -> assertThat(e.code()).isEqualTo(-32602))
                .hasMessageContaining("nextCursor");
    }

    @Test
    void anUnknownToolIsInvalidParams() {
        assertThatThrownBy(() -> call("tools/call", "{\"name\":\"nope\"}"))
                .isInstanceOfSatisfying(McpException.class, e -> assertThat(e.code()).isEqualTo(-32602))
                .hasMessageContaining("nope");
    }

    @Test
    void aCrashingToolIsAnErrorResultThatLeaksNothingAndIsReported() {
        var result = call("tools/call", "{\"name\":\"boom\"}");
        assertThat(result.bool("isError")).isTrue();
        assertThat(Json.write(result)).doesNotContain("secret detail").contains("internal error");
        assertThat(reported).singleElement().extracting(Throwable::getMessage).isEqualTo("secret detail");
    }

    @Test
    void templatesAreReadWithTheirVariables() {
        var result = call("resources/read", "{\"uri\":\"items://42\"}");
        assertThat(result.array("contents").get(0).asObject().string("text")).isEqualTo("item 42");
    }

    @Test
    void anUnknownResourceIsResourceNotFoundWithItsUri() {
        assertThatThrownBy(() -> call("resources/read", "{\"uri\":\"other://1\"}"))
                .isInstanceOfSatisfying(McpException.class, e -> {
                    assertThat(e.code()).isEqualTo(-32002);
                    assertThat(Json.write(e.data())).contains("other://1");
                });
    }

    @Test
    void completionSendsAtMostAHundredAndSaysThereAreMore() {
        var result = call("completion/complete", "{\"ref\":{\"type\":\"ref/resource\",\"uri\":\"items://{id}\"},\"argument\":{\"name\":\"id\",\"value\":\"id\"}}");
        var completion = result.object("completion");
        assertThat(completion.array("values").size()).isEqualTo(100);
        assertThat(completion.number("total").intValue()).isEqualTo(150);
        assertThat(completion.bool("hasMore")).isTrue();
    }

    @Test
    void aPromptWithoutItsRequiredArgumentIsInvalidParams() {
        assertThatThrownBy(() -> call("prompts/get", "{\"name\":\"write\"}"))
                .isInstanceOfSatisfying(McpException.class, e -> assertThat(e.code()).isEqualTo(-32602))
                .hasMessageContaining("topic");
        assertThatThrownBy(() -> call("prompts/get", "{\"name\":\"write\",\"arguments\":{\"topic\":3}}"))
                .hasMessageContaining("must be a string");
        var ok = call("prompts/get", "{\"name\":\"write\",\"arguments\":{\"topic\":\"tides\"}}");
        assertThat(Json.write(ok)).contains("Write about tides");
    }

    @Test
    void capabilitiesFollowFromWhatIsRegistered() {
        var caps = dispatcher.capabilities();
        assertThat(caps.has("completions")).isTrue();
        assertThat(caps.object("tools").bool("listChanged")).isTrue();
    }
}
