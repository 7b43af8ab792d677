package dev.jmcp.bench;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Command lines as a person would paste them into bash: arguments with special characters single-quoted. */
final class Shell {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,+@%-]+");

    private Shell() {
    }

    static String join(List<String> command) {
        return command.stream().map(Shell::quote).collect(Collectors.joining(" "));
    }

    static String quote(String arg) {
        if (PLAIN.matcher(arg).matches()) return arg;
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
