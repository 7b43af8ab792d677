package dev.jmcp;

import java.util.Locale;

/** RFC 5424 severities, in increasing order, as MCP's {@code notifications/message} uses them. */
public enum LogLevel {
    DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT, EMERGENCY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level for a wire name such as {@code "warning"}, or null when there is none. */
    public static LogLevel fromWire(String name) {
        for (LogLevel level : values()) {
            if (level.wireName().equals(name)) return level;
        }
        return null;
    }
}
