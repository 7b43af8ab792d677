package dev.jmcp.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 6570 level-1 URI template ({@code notes://{id}/body}): literal text and simple {@code {var}} expressions.
 * A variable matches one or more characters up to the next literal, never a {@code /}, {@code ?} or {@code #}
 * (level-1 expansion percent-encodes those), and its value is percent-decoded.
 */
public final class UriTemplate {
    private final String template;
    private final List<String> literals; // literals.size() == variables.size() + 1
    private final List<String> variables;

    private UriTemplate(String template, List<String> literals, List<String> variables) {
        this.template = template;
        this.literals = literals;
        this.variables = variables;
    }

    public static UriTemplate parse(String template) {
        var literals = new ArrayList<String>();
        var variables = new ArrayList<String>();
        int pos = 0;
        while (true) {
            int open = template.indexOf('{', pos);
            int close = template.indexOf('}', pos);
            if (open < 0) {
                if (close >= 0) throw invalid(template, "unmatched '}' at " + close);
                literals.add(template.substring(pos));
                break;
            }
            if (close >= 0 && close < open) throw invalid(template, "unmatched '}' at " + close);
            close = template.indexOf('}', open);
            if (close < 0) throw invalid(template, "unclosed '{' at " + open);
            String name = template.substring(open + 1, close);
            if (!Ascii.word(name, 1, Integer.MAX_VALUE, "_")) {
                throw invalid(template, "variable \"" + name + "\" is not a level-1 name (letters, digits, _)");
            }
            if (variables.contains(name)) throw invalid(template, "variable \"" + name + "\" appears twice");
            if (!variables.isEmpty() && open == pos) throw invalid(template, "variables must be separated by literal text");
            literals.add(template.substring(pos, open));
            variables.add(name);
            pos = close + 1;
        }
        if (!literals.get(0).contains(":")) throw invalid(template, "it must start with a scheme, e.g. notes://{id}");
        return new UriTemplate(template, List.copyOf(literals), List.copyOf(variables));
    }

    private static IllegalArgumentException invalid(String template, String why) {
        return new IllegalArgumentException("URI template \"" + template + "\" is invalid: " + why);
    }

    public List<String> variables() {
        return variables;
    }

    /** The variables' decoded values when the URI matches, else null. */
    public Map<String, String> match(String uri) {
        if (!uri.startsWith(literals.get(0))) return null;
        int pos = literals.get(0).length();
        var values = new LinkedHashMap<String, String>();
        for (int i = 0; i < variables.size(); i++) {
            String next = literals.get(i + 1);
            int end;
            if (next.isEmpty()) {
                end = uri.length();
            } else {
                end = i + 1 == variables.size() ? (uri.endsWith(next) ? uri.length() - next.length() : -1) : uri.indexOf(next, pos);
            }
            if (end <= pos) return null;
            String raw = uri.substring(pos, end);
            for (int k = 0; k < raw.length(); k++) {
                char c = raw.charAt(k);
                if (c == '/' || c == '?' || c == '#') return null;
            }
            String decoded = percentDecode(raw);
            if (decoded == null) return null;
            values.put(variables.get(i), decoded);
            pos = end + next.length();
        }
        return pos == uri.length() ? values : null;
    }

    private static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0) return raw;
        var bytes = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) return null;
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return null;
                bytes[n++] = (byte) (hi * 16 + lo);
                i += 2;
            } else if (c < 0x80) {
                bytes[n++] = (byte) c;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (n + utf8.length > bytes.length) bytes = java.util.Arrays.copyOf(bytes, bytes.length * 2 + utf8.length);
                for (byte b : utf8) bytes[n++] = b;
            }
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return template;
    }
}
