package dev.jmcp;

import java.util.List;
import java.util.Objects;

/** An icon for a server, tool, resource or prompt: an https or data URI, with optional MIME type, sizes and theme. */
public record Icon(String src, String mimeType, List<String> sizes, String theme) {
    public Icon {
        Objects.requireNonNull(src, "src");
        sizes = sizes == null ? List.of() : List.copyOf(sizes);
    }

    public static Icon of(String src, String mimeType) {
        return new Icon(src, mimeType, List.of(), null);
    }
}
