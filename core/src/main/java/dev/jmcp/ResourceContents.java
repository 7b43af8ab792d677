package dev.jmcp;

/** What reading a resource returns: text, or binary data encoded in base64. */
public sealed interface ResourceContents {

    String uri();

    String mimeType();

    static Text text(String uri, String mimeType, String text) {
        return new Text(uri, mimeType, text);
    }

    static Blob blob(String uri, String mimeType, String base64) {
        return new Blob(uri, mimeType, base64);
    }

    record Text(String uri, String mimeType, String text) implements ResourceContents {
    }

    record Blob(String uri, String mimeType, String blob) implements ResourceContents {
    }
}
