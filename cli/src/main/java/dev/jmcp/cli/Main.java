package dev.jmcp.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code jmcp} command. {@code main} only exits with what {@link #run} returns, so tests run the CLI in-process. */
@Command(name = "jmcp", mixinStandardHelpOptions = true, version = "jmcp 0.1.0",
        description = "Write an MCP server once in Java; run it locally, on AWS Lambda, Cloud Run or Cloudflare Workers.",
        subcommands = {DevCommand.class, BuildCommand.class})
public final class Main {

    public static void main(String[] args) {
        int code = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        if (code != 0 || !DevCommand.serving()) System.exit(code);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        var cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageError) {
                commandLine.getErr().println("jmcp: " + e.getMessage());
                return ExitCode.USAGE;
            }
            if (e instanceof Failure) {
                commandLine.getErr().println("jmcp: " + e.getMessage());
                return ExitCode.FAILURE;
            }
            commandLine.getErr().println("jmcp: internal error: " + e);
            e.printStackTrace(commandLine.getErr());
            return ExitCode.BUG;
        });
        return cli.execute(args);
    }
}
