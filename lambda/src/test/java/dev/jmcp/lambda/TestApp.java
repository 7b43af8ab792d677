package dev.jmcp.lambda;

import dev.jmcp.McpApplication;
import dev.jmcp.McpServer;
import dev.jmcp.Platform;
import dev.jmcp.ToolResult;

/** A small application the runtime tests start by class name, as Lambda would. */
public final class TestApp implements McpApplication {
    @Override
    public McpServer create(Platform platform) {
        return McpServer.create("runtime-test", "1.0", mcp -> mcp
                .tool("steps", t -> t.description("Reports progress").handle(call -> {
                    call.progress(1, 2.0, "one");
                    call.progress(2, 2.0, "two");
                    return ToolResult.text("done");
                }))
                .tool("boom", t -> t.description("Fails").handle(call -> {
                    throw new IllegalStateException("internal detail");
                })));
    }
}
