package dev.jmcp.lambda;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The sample events under src/test/resources/events, with a JSON-RPC body put in. */
final class Events {
    private Events() {
    }

    static String text(String name) {
        try (InputStream in = Events.class.getResourceAsStream("/events/" + name)) {
            if (in == null) throw new IllegalArgumentException("no test event " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample with {@code body} as its (JSON-escaped, or base64) body. */
    static byte[] withBody(String name, String body) {
        String escaped = Json.write(Json.of(body));
        String b64 = Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8));
        return text(name).replace("\"__BODY__\"", escaped).replace("__BODY_BASE64__", b64).getBytes(StandardCharsets.UTF_8);
    }

    static JsonObject json(byte[] response) {
        return Json.parse(response).asObject();
    }

    /** The response event's body, decoded when base64. */
    static String body(JsonObject response) {
        String body = response.string("body");
        return response.bool("isBase64Encoded") ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
    }
}
