package dev.jmcp;

/** Serves {@code prompts/get} for one prompt. */
@FunctionalInterface
public interface PromptHandler {
    PromptResult render(PromptCall call) throws Exception;
}
