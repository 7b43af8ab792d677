package dev.jmcp;

import dev.jmcp.json.JsonObject;

/**
 * One block of content in a tool result or prompt message.
 *
 * <pre>{@code
 * Content.text("3 notes found")
 * Content.image(base64Png, "image/png")
 * Content.resource(ResourceContents.text("notes://7", "text/markdown", body))
 * }</pre>
 */
public sealed interface Content {

    static Text text(String text) {
        return new Text(text);
    }

    static Image image(String base64Data, String mimeType) {
        return new Image(base64Data, mimeType);
    }

    static Audio audio(String base64Data, String mimeType) {
        return new Audio(base64Data, mimeType);
    }

    static Embedded resource(ResourceContents contents) {
        return new Embedded(contents);
    }

    static Link link(String uri, String name) {
        return new Link(uri, name, null, null, null);
    }

    record Text(String text) implements Content {
    }

    /** Base64-encoded image data. */
    record Image(String data, String mimeType) implements Content {
    }

    /** Base64-encoded audio data. */
    record Audio(String data, String mimeType) implements Content {
    }

    /** A resource's contents carried inline. */
    record Embedded(ResourceContents resource) implements Content {
    }

    /** A pointer to a resource the client may read. */
    record Link(String uri, String name, String title, String description, String mimeType) implements Content {
    }

    /** Content given as raw JSON, for kinds this API has no type for; sent as is. */
    record Raw(JsonObject json) implements Content {
    }
}
