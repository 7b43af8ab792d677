package dev.jmcp.container.it;

import dev.jmcp.Arg;
import dev.jmcp.McpApplication;
import dev.jmcp.McpServer;
import dev.jmcp.Platform;
import dev.jmcp.ToolResult;

/**
 * The application the container tests put into an image: a tool that takes a while, and one that fails. The sleep
 * logs when it starts, so a test can wait until its requests are really in the tool, not just sent.
 */
public final class SlowApp implements McpApplication {
    static final Arg<Integer> MILLIS = Arg.integer("millis").range(0, 60_000);
    private static final System.Logger LOG = System.getLogger(SlowApp.class.getName());

    @Override
    public McpServer create(Platform platform) {
        return McpServer.create("slow", "1.0.0", mcp -> mcp
                .tool("sleep", tool -> tool.description("Sleeps, then says how long").args(MILLIS).handle(call -> {
                    int millis = call.get(MILLIS);
                    LOG.log(System.Logger.Level.INFO, "sleeping " + millis + " ms");
                    Thread.sleep(millis);
                    return ToolResult.text("slept " + millis);
                }))
                .tool("fail", tool -> tool.description("Throws, so the server logs an error").handle(call -> {
                    throw new IllegalStateException("planned failure");
                })));
    }
}
