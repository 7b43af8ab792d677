package dev.jmcp;

import java.util.Objects;

/**
 * Something a handler asks the client, named by a key that stays the same across rounds. Ask several at once with
 * {@link McpCall#ask}: over MCP 2026-07-28 they go to the client in one {@code input_required} result.
 */
public sealed interface Question {

    String key();

    static Question elicit(String key, Elicitation elicitation) {
        return new Elicit(key, elicitation);
    }

    static Question sample(String key, SamplingRequest request) {
        return new Sample(key, request);
    }

    static Question roots(String key) {
        return new Roots(key);
    }

    /** Asks the user, through the client. */
    record Elicit(String key, Elicitation elicitation) implements Question {
        public Elicit {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(elicitation, "elicitation");
        }
    }

    /** Asks the client's language model. */
    record Sample(String key, SamplingRequest request) implements Question {
        public Sample {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(request, "request");
        }
    }

    /** Asks for the client's roots. */
    record Roots(String key) implements Question {
        public Roots {
            Objects.requireNonNull(key, "key");
        }
    }
}
