package dev.jmcp;

import java.util.List;
import java.util.Objects;

/** What reading a resource returns: one or more contents. */
public record ResourceResult(List<ResourceContents> contents) {
    public ResourceResult {
        contents = List.copyOf(Objects.requireNonNull(contents, "contents"));
    }

    public static ResourceResult text(String uri, String mimeType, String text) {
        return new ResourceResult(List.of(ResourceContents.text(uri, mimeType, text)));
    }

    public static ResourceResult blob(String uri, String mimeType, String base64) {
        return new ResourceResult(List.of(ResourceContents.blob(uri, mimeType, base64)));
    }

    public static ResourceResult of(ResourceContents... contents) {
        return new ResourceResult(List.of(contents));
    }
}
