package dev.jmcp.internal;

import dev.jmcp.Answers;
import dev.jmcp.Elicitation;
import dev.jmcp.LogLevel;
import dev.jmcp.McpException;
import dev.jmcp.PromptCall;
import dev.jmcp.ResourceRead;
import dev.jmcp.Question;
import dev.jmcp.ToolCall;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonNumber;
import dev.jmcp.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one implementation of the handler-facing call interfaces. A transport makes one per request (or per round of
 * a request that asked the client something) and hands it to the {@link Dispatcher}.
 */
public final class CallContext implements ToolCall, PromptCall, ResourceRead {

    /** What the transport knows about the client and the request. */
    public record Client(String protocolVersion, JsonObject capabilities, Json progressToken, LogLevel logLevel) {
    }

    private final Client client;
    private final Emitter emitter;
    private final Map<String, Json> answers;
    private final int alreadySent;
    private int sent;
    private volatile boolean cancelled;
    private String name = "";
    private JsonObject arguments = JsonObject.builder().build();
    private String uri = "";
    private Map<String, String> vars = Map.of();

    /**
     * @param answers     the client's answers to earlier questions, by key
     * @param alreadySent how many notifications earlier rounds of this request sent, so this round skips them
     */
    public CallContext(Client client, Emitter emitter, Map<String, Json> answers, int alreadySent) {
        this.client = client;
        this.emitter = emitter;
        this.answers = answers;
        this.alreadySent = alreadySent;
    }

    void target(String name, JsonObject arguments) {
        this.name = name;
        this.arguments = arguments;
    }

    void resource(String uri, Map<String, String> vars) {
        this.uri = uri;
        this.vars = vars;
    }

    /** Notifications sent so far in all rounds. */
    public int sent() {
        return Math.max(sent, alreadySent);
    }

    public void cancel() {
        cancelled = true;
    }

    private void emit(String method, JsonObject params) {
        if (++sent <= alreadySent) return;
        emitter.notify(method, params);
    }

    @Override
    public void progress(double progress, Double total, String message) {
        if (client.progressToken() == null) return;
        emit("notifications/progress", JsonObject.builder()
                .put("progressToken", client.progressToken())
                .put("progress", JsonNumber.of(progress))
                .put("total", total == null ? null : JsonNumber.of(total))
                .put("message", message)
                .build());
    }

    @Override
    public void log(LogLevel level, String logger, Json data) {
        if (client.logLevel() == null || level.compareTo(client.logLevel()) < 0) return;
        emit("notifications/message", JsonObject.builder()
                .put("level", level.wireName())
                .put("logger", logger)
                .put("data", data)
                .build());
    }

    @Override
    public Answers ask(Question... questions) {
        var unanswered = new LinkedHashMap<String, InputRequired.Request>();
        for (Question question : questions) {
            requireCapability(question);
            if (!answers.containsKey(question.key())) unanswered.put(question.key(), request(question));
        }
        if (!unanswered.isEmpty()) throw new InputRequired(unanswered);
        var asked = new LinkedHashMap<String, Json>();
        for (Question question : questions) asked.put(question.key(), answers.get(question.key()));
        return new Answers(asked);
    }

    private void requireCapability(Question question) {
        switch (question) {
            case Question.Elicit e -> {
                String mode = e.elicitation() instanceof Elicitation.Url ? "url" : "form";
                JsonObject elicitation = client.capabilities().optObject("elicitation");
                boolean supported = elicitation != null
                        && (elicitation.has(mode) || (mode.equals("form") && !elicitation.has("url")));
                if (!supported) throw missing(Json.object("elicitation", Json.object(mode, Json.object())), "elicitation (" + mode + " mode)");
            }
            case Question.Sample s -> {
                if (!client.capabilities().has("sampling")) throw missing(Json.object("sampling", Json.object()), "sampling");
            }
            case Question.Roots r -> {
                if (!client.capabilities().has("roots")) throw missing(Json.object("roots", Json.object()), "roots");
            }
        }
    }

    private static InputRequired.Request request(Question question) {
        return switch (question) {
            case Question.Elicit e -> new InputRequired.Request("elicitation/create", Wire.elicitationParams(e.elicitation()));
            case Question.Sample s -> new InputRequired.Request("sampling/createMessage", Wire.samplingParams(s.request()));
            case Question.Roots r -> new InputRequired.Request("roots/list", JsonObject.builder().build());
        };
    }

    private static McpException missing(JsonObject required, String what) {
        return McpException.missingClientCapability(required, what);
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public JsonObject clientCapabilities() {
        return client.capabilities();
    }

    @Override
    public String protocolVersion() {
        return client.protocolVersion();
    }

    @Override
    public String toolName() {
        return name;
    }

    @Override
    public String promptName() {
        return name;
    }

    @Override
    public JsonObject arguments() {
        return arguments;
    }

    @Override
    public <T> T get(dev.jmcp.Arg<T> arg) {
        return arg.decode(arguments);
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public String var(String name) {
        return vars.get(name);
    }
}
