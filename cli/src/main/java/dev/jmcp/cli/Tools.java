package dev.jmcp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The pinned npm tools under jmcp's .tools folder, installed on first use by scripts/lib.sh (the ./jmcp script sets JMCP_HOME). */
final class Tools {
    private Tools() {
    }

    /** The pinned Node binary (tools/node). */
    static Path node(PrintWriter err) {
        return Path.of(run("jmcp_node >&2 && command -v node", "the pinned Node (tools/node)", err));
    }

    /** The installed folder of the pinned wrangler (tools/wrangler), with the pinned Node installed too. */
    static Path wrangler(PrintWriter err) {
        return Path.of(run("jmcp_node_tool wrangler >&2 && printf %s \"$JMCP_TOOL_DIR\"", "the pinned wrangler (tools/wrangler)", err));
    }

    private static String run(String shell, String what, PrintWriter err) {
        String home = System.getenv("JMCP_HOME");
        if (home == null) throw new Failure("JMCP_HOME is not set, so " + what + " cannot be found; run jmcp through the ./jmcp script");
        var command = List.of("bash", "-c", ". \"$JMCP_HOME/scripts/lib.sh\" && " + shell);
        try {
            Process p = new ProcessBuilder(command).start();
            Thread.ofPlatform().daemon().start(() -> LocalProcesses.copyLines(p.getErrorStream(), err));
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0 || out.isEmpty()) throw new Failure("cannot install " + what + "; see the output above");
            return out;
        } catch (IOException e) {
            throw new Failure("cannot run bash to install " + what + " from " + home + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while installing " + what);
        }
    }
}
