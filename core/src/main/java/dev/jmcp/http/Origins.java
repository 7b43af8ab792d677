package dev.jmcp.http;

import dev.jmcp.internal.Ascii;

/**
 * The DNS-rebinding defence: a web page on another site must not reach a server on localhost by pointing its own
 * name at 127.0.0.1. {@code Host} must name an allowed host, and {@code Origin}, when a browser sends one, too.
 */
final class Origins {
    private Origins() {
    }

    /** Why the request is refused, or null when it may pass. */
    static String check(Headers headers, EndpointOptions options) {
        if (options.anyHost()) return null;
        String host = headers.get("Host");
        if (host != null && !allowed(hostName(host), options)) return "Host " + quoted(host) + " is not allowed";
        String origin = headers.get("Origin");
        if (origin != null) {
            int scheme = origin.indexOf("://");
            if (origin.equals("null") || scheme < 0) return "Origin " + quoted(origin) + " is not allowed";
            String authority = origin.substring(scheme + 3);
            int slash = authority.indexOf('/');
            if (slash >= 0) authority = authority.substring(0, slash);
            if (!allowed(hostName(authority), options)) return "Origin " + quoted(origin) + " is not allowed";
        }
        return null;
    }

    private static boolean allowed(String name, EndpointOptions options) {
        return options.allowedHosts().contains(name);
    }

    /** The host part of "name:port", "[v6]:port" or "name", lower-cased. */
    static String hostName(String authority) {
        String a = Ascii.lower(authority.trim());
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            return end < 0 ? a : a.substring(0, end + 1);
        }
        int colon = a.lastIndexOf(':');
        return colon < 0 ? a : a.substring(0, colon);
    }

    private static String quoted(String value) {
        return "\"" + (value.length() > 100 ? value.substring(0, 100) + "..." : value) + "\"";
    }
}
