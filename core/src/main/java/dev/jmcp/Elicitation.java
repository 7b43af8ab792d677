package dev.jmcp;

import dev.jmcp.json.JsonObject;

import java.util.Objects;

/**
 * A question for the user, asked through the client: a form (a flat JSON Schema of primitives) or a URL to visit.
 *
 * <pre>{@code
 * ElicitResult answer = call.elicit(Elicitation.form("Which city?", Json.object(
 *         "type", "object", "properties", Json.object("city", Json.object("type", "string")), "required", Json.array("city"))));
 * if (answer.accepted()) { String city = answer.content().string("city"); }
 * }</pre>
 */
public sealed interface Elicitation {

    String message();

    static Form form(String message, JsonObject requestedSchema) {
        return new Form(message, requestedSchema);
    }

    static Url url(String message, String url, String elicitationId) {
        return new Url(message, url, elicitationId);
    }

    record Form(String message, JsonObject requestedSchema) implements Elicitation {
        public Form {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(requestedSchema, "requestedSchema");
        }
    }

    record Url(String message, String url, String elicitationId) implements Elicitation {
        public Url {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(elicitationId, "elicitationId");
        }
    }
}
