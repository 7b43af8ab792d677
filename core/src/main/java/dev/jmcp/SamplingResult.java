package dev.jmcp;

/** The message the client's model produced, with the model's name and why it stopped (either may be null). */
public record SamplingResult(Role role, Content content, String model, String stopReason) {

    /** The text of the answer, or "" when the model answered with another kind of content. */
    public String text() {
        return content instanceof Content.Text t ? t.text() : "";
    }
}
