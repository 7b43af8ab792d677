package dev.jmcp.cli;

import dev.jmcp.McpServer;
import dev.jmcp.http.EndpointOptions;
import dev.jmcp.server.EnvironmentOptions;
import dev.jmcp.server.JvmPlatform;
import dev.jmcp.server.McpHttpServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code jmcp dev}: builds an application folder and serves it locally until Ctrl+C. */
@Command(name = "dev", mixinStandardHelpOptions = true,
        description = "Build an application and serve it at http://HOST:PORT/mcp until Ctrl+C.")
final class DevCommand implements Callable<Integer> {
    private static volatile boolean serving;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = "examples/notes",
            description = "The application folder (a Maven project with a jmcp.json). Default: ${DEFAULT-VALUE}")
    Path dir;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on; 0 picks a free one. Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind. Default: ${DEFAULT-VALUE}")
    String host;

    @Option(names = "--stateless", description = "Serve 2025-era clients without sessions, as serverless runtimes do "
            + "(MCP 2026-07-28 is always stateless)")
    boolean stateless;

    static boolean serving() {
        return serving;
    }

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) throw new UsageError("--port must be 0 to 65535, got " + port);
        var project = Project.load(dir);
        var err = spec.commandLine().getErr();
        err.println("jmcp dev: building " + project.dir());
        err.flush();
        var application = project.instantiate(project.compile());
        var platform = new JvmPlatform(project.name());
        McpServer server = application.create(platform);
        var options = EndpointOptions.builder()
                .mode(stateless ? EndpointOptions.Mode.STATELESS : EndpointOptions.Mode.STATEFUL);
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) options.allowAnyHost();
        try {
            EnvironmentOptions.apply(options, System.getenv());
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        McpHttpServer http = McpHttpServer.builder(server).host(host).port(port).endpointOptions(options.build())
                .stopOnSigterm().build();
        try {
            http.start();
        } catch (Exception e) {
            throw new Failure("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        serving = true;
        printConnectionHelp(project, http.url());
        return ExitCode.OK;
    }

    private void printConnectionHelp(Project project, String url) {
        var out = spec.commandLine().getOut();
        out.println("jmcp dev: serving " + project.name() + " (" + project.applicationClass() + ") at " + url);
        out.println();
        out.println("  Try it with the MCP Inspector (Node >= 22):");
        out.println("    npx @modelcontextprotocol/inspector --cli " + url + " --transport http --method tools/list");
        out.println();
        out.println("  Client configuration (Claude Code, VS Code, Cursor and other MCP clients):");
        out.println("    {\"mcpServers\": {\"" + project.name() + "\": {\"type\": \"http\", \"url\": \"" + url + "\"}}}");
        out.println();
        out.println("  Press Ctrl+C to stop.");
        out.flush();
    }
}
