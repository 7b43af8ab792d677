package dev.jmcp.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code jmcp dev}: builds an application folder and serves it locally, on the JVM or as a target runs it. */
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
            + "(jvm target; google-cloud-run is stateless unless jmcp.json says otherwise; MCP 2026-07-28 is always stateless)")
    boolean stateless;

    @Option(names = "--target", defaultValue = DeployTargets.DEFAULT,
            description = "Where to run it: jvm (in this process), google-cloud-run (the Cloud Run image under podman) or "
                    + "cloudflare-workers (the Worker in workerd, through wrangler dev; always stateless). "
                    + "Default: ${DEFAULT-VALUE}")
    String target;

    static boolean serving() {
        return serving;
    }

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) throw new UsageError("--port must be 0 to 65535, got " + port);
        var serves = DeployTargets.require(target, DeployTarget.Serves.class, "dev");
        var project = Project.load(dir);
        var cli = spec.commandLine();
        int code = serves.serve(project, new DeployTarget.DevOptions(host, port, stateless), cli.getOut(), cli.getErr());
        if (code >= 0) return code;
        serving = true;
        return ExitCode.OK;
    }

    static void printConnectionHelp(PrintWriter out, Project project, String how, String url) {
        out.println("jmcp dev: serving " + project.name() + " (" + project.applicationClass() + ")" + how + " at " + url);
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
