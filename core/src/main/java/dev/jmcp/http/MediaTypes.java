package dev.jmcp.http;

import dev.jmcp.internal.Ascii;

import java.util.List;

/** Content-Type and Accept checks. Parameters (charset, q) are ignored; wildcards count. */
final class MediaTypes {
    private MediaTypes() {
    }

    static boolean isJson(String contentType) {
        return contentType != null && base(contentType).equals("application/json");
    }

    static boolean acceptsJsonAndEvents(List<String> accept) {
        return accepts(accept, "application/json") && accepts(accept, "text/event-stream");
    }

    static boolean acceptsEvents(List<String> accept) {
        return accepts(accept, "text/event-stream");
    }

    private static boolean accepts(List<String> headers, String type) {
        String family = type.substring(0, type.indexOf('/'));
        for (String header : headers) {
            for (String range : dev.jmcp.internal.Ascii.split(header, ',')) {
                String r = base(range);
                if (r.equals(type) || r.equals("*/*") || r.equals(family + "/*")) return true;
            }
        }
        return false;
    }

    private static String base(String value) {
        int semicolon = value.indexOf(';');
        return Ascii.lower((semicolon < 0 ? value : value.substring(0, semicolon)).trim());
    }
}
