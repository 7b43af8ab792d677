package dev.jmcp;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code core} portable: it must compile with TeaVM to WebAssembly for Cloudflare Workers and do no I/O of its
 * own (runtimes do that through adapters). TeaVM itself only rejects APIs missing from its class library (the
 * {@code wasm} profile of examples/conformance checks that); threads, reflection, java.util.concurrent and files
 * still compile there and fail, or do nothing useful, at run time. So this test scans the sources of core for them.
 * Comments and string literals are ignored; {@code synchronized} is allowed (a no-op on a single-threaded runtime).
 */
class PortabilityTest {

    private record Rule(String name, Pattern pattern, String why) {
        static Rule of(String name, String regex, String why) {
            return new Rule(name, Pattern.compile(regex), why);
        }
    }

    private static final String TEAVM_THREADS = "TeaVM's WebAssembly target has one thread and no blocking; core must stay single-threaded and let the runtime adapter wait";
    private static final String NO_IO = "core does no I/O: runtimes (JVM, Lambda, Workers) do it in their adapters and hand core plain values";
    private static final String TEAVM_REFLECTION = "TeaVM compiles ahead of time with no reflection metadata; use explicit code instead";
    private static final String TEAVM_CLASSLIB = "missing from TeaVM's class library, so the Workers build would fail";

    private static final List<Rule> RULES = List.of(
            Rule.of("java.util.concurrent", "\\bjava\\.util\\.concurrent\\b", TEAVM_THREADS),
            Rule.of("java.lang.reflect", "\\bjava\\.lang\\.reflect\\b", TEAVM_REFLECTION),
            Rule.of("java.lang.invoke", "\\bjava\\.lang\\.invoke\\b", TEAVM_REFLECTION),
            Rule.of("java.io", "\\bjava\\.io\\b", NO_IO),
            Rule.of("java.nio.file", "\\bjava\\.nio\\.file\\b", NO_IO),
            Rule.of("java.net", "\\bjava\\.net\\b", NO_IO),
            Rule.of("Thread", "\\bThread\\b", TEAVM_THREADS),
            Rule.of("Class.forName", "\\bClass\\s*\\.\\s*forName\\b", TEAVM_REFLECTION),
            Rule.of("getDeclared*", "\\.\\s*getDeclared\\w*\\s*\\(", TEAVM_REFLECTION),
            Rule.of("String.lines()", "\\.\\s*lines\\s*\\(\\s*\\)", "String.lines() is " + TEAVM_CLASSLIB + "; split on \\n instead"),
            Rule.of("HexFormat", "\\bHexFormat\\b", "java.util.HexFormat is " + TEAVM_CLASSLIB + "; use Character.forDigit"),
            Rule.of("System.getenv", "\\bSystem\\s*\\.\\s*getenv\\b", NO_IO + " (configuration arrives through options)"),
            Rule.of("System.out", "\\bSystem\\s*\\.\\s*out\\b", NO_IO + " (report through Env.reportError)"),
            Rule.of("System.err", "\\bSystem\\s*\\.\\s*err\\b", NO_IO + " (report through Env.reportError)"));

    @Test
    void coreUsesOnlyPortableApis() throws IOException {
        Path root = sourceRoot();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(files).as("Java sources under %s", root.toAbsolutePath()).isNotEmpty();

        var violations = new ArrayList<String>();
        for (Path file : files) {
            String[] original = Files.readString(file).split("\n", -1);
            String[] code = codeOnly(Files.readString(file)).split("\n", -1);
            for (int i = 0; i < code.length; i++) {
                for (Rule rule : RULES) {
                    if (rule.pattern.matcher(code[i]).find()) {
                        violations.add("core/src/main/java/" + root.relativize(file).toString().replace('\\', '/') + ":" + (i + 1) + ": [" + rule.name + "] "
                                + original[i].strip() + "\n    why: " + rule.why);
                    }
                }
            }
        }
        assertThat(violations)
                .withFailMessage(() -> "core/src/main/java must stay portable (TeaVM/Workers, no I/O in core); "
                        + violations.size() + " violation(s):\n" + String.join("\n", violations))
                .isEmpty();
    }

    /** Maven runs core's tests in core/; an IDE may run them from the repository root. */
    private static Path sourceRoot() {
        for (String candidate : List.of("src/main/java", "core/src/main/java")) {
            Path path = Path.of(candidate);
            if (Files.isDirectory(path.resolve("dev/jmcp"))) return path;
        }
        throw new AssertionError("core's sources not found from " + Path.of("").toAbsolutePath()
                + "; run this test with core/ or the repository root as the working directory");
    }

    /** The source with comments and string/char/text-block literals blanked out, keeping every line break. */
    static String codeOnly(String source) {
        var out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') i++;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                keepLineBreaks(source, i, end, out);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = i + 3;
                while (end < n && !source.startsWith("\"\"\"", end)) end += source.charAt(end) == '\\' ? 2 : 1;
                end = Math.min(n, end + 3);
                keepLineBreaks(source, i, end, out);
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < n && source.charAt(end) != c && source.charAt(end) != '\n') end += source.charAt(end) == '\\' ? 2 : 1;
                out.append(c).append(c);
                i = Math.min(n, end + 1);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void keepLineBreaks(String source, int from, int to, StringBuilder out) {
        for (int j = from; j < to; j++) {
            if (source.charAt(j) == '\n') out.append('\n');
        }
    }

    @Test
    void scannerIgnoresCommentsAndStringsButSeesCode() {
        String source = """
                // Thread in a comment
                /* System.out
                   java.io */ String s = "System.err and Thread";
                String t = \"""
                    java.net.URI
                    \""";
                char q = '"'; new Thread(r);
                """;
        String[] lines = codeOnly(source).split("\n", -1);
        assertThat(lines).hasSize(source.split("\n", -1).length);
        assertThat(String.join("\n", lines)).doesNotContain("System.out", "System.err", "java.io", "java.net", "comment");
        assertThat(lines[6]).contains("new Thread(r)");
        assertThat(RULES.stream().filter(r -> r.pattern.matcher(lines[6]).find()).map(Rule::name)).containsExactly("Thread");
    }
}
