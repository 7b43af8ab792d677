package dev.jmcp.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Name checks, splitting and case folding without {@code java.util.regex} or Unicode case tables: on TeaVM a single
 * regex pulls about 170 classes of the regex engine into the WebAssembly module, and the first
 * {@code Character.toLowerCase} decodes TeaVM's whole Unicode case mapping; Workers pay for both in cold start.
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

    /** {@code s.toLowerCase(Locale.ROOT)}, without Unicode tables when {@code s} is ASCII (header names, media types, hosts). */
    public static String lower(String s) {
        int first = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) return s.toLowerCase(java.util.Locale.ROOT);
            if (first < 0 && c >= 'A' && c <= 'Z') first = i;
        }
        if (first < 0) return s;
        char[] chars = s.toCharArray();
        for (int i = first; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') chars[i] += 'a' - 'A';
        }
        return new String(chars);
    }

    /**
     * {@code a.equalsIgnoreCase(b)}, without Unicode tables when both are ASCII. A non-ASCII character may still match
     * an ASCII one (the Kelvin sign and {@code k}), so then the JDK's rule decides.
     */
    public static boolean equalsIgnoreCase(String a, String b) {
        if (a == b) return true;
        if (b == null || a.length() != b.length()) return false;
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if ((x | y) >= 0x80) return a.equalsIgnoreCase(b);
            if (x != y && foldAscii(x) != foldAscii(y)) {
                for (int j = i + 1; j < a.length(); j++) {
                    if ((a.charAt(j) | b.charAt(j)) >= 0x80) return a.equalsIgnoreCase(b);
                }
                return false;
            }
        }
        return true;
    }

    private static char foldAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
