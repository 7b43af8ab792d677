package dev.jmcp.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Name checks and splitting without {@code java.util.regex}: on TeaVM a single regex pulls about 170 classes of the
 * regex engine into the WebAssembly module, which Workers pay for in size and cold start.
 */
public final class Ascii {
    private Ascii() {
    }

    /** True when {@code s} has {@code min} to {@code max} characters, each an ASCII letter or digit or one of {@code extra}. */
    public static boolean word(String s, int min, int max, String extra) {
        if (s.length() < min || s.length() > max) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alnum && extra.indexOf(c) < 0) return false;
        }
        return true;
    }

    /** The parts of {@code s} between each {@code separator}, empty ones included (unlike String.split, trailing ones too). */
    public static List<String> split(String s, char separator) {
        var parts = new ArrayList<String>();
        int start = 0;
        for (int i = s.indexOf(separator); i >= 0; i = s.indexOf(separator, start)) {
            parts.add(s.substring(start, i));
            start = i + 1;
        }
        parts.add(s.substring(start));
        return parts;
    }
}
