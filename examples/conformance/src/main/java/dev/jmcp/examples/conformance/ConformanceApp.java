package dev.jmcp.examples.conformance;

import dev.jmcp.Answers;
import dev.jmcp.Arg;
import dev.jmcp.Content;
import dev.jmcp.ElicitResult;
import dev.jmcp.Elicitation;
import dev.jmcp.LogLevel;
import dev.jmcp.McpApplication;
import dev.jmcp.McpException;
import dev.jmcp.McpServer;
import dev.jmcp.Platform;
import dev.jmcp.PromptMessage;
import dev.jmcp.PromptResult;
import dev.jmcp.Question;
import dev.jmcp.ResourceContents;
import dev.jmcp.ResourceResult;
import dev.jmcp.SamplingRequest;
import dev.jmcp.Tool;
import dev.jmcp.ToolError;
import dev.jmcp.ToolResult;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;

import java.util.List;

/**
 * Everything the official MCP conformance suite calls: the {@code test_*} tools, {@code test://} resources and
 * template, the {@code test_*} prompts and completion. Built on the public API only, so passing the suite proves
 * what any jmcp application can do.
 */
public final class ConformanceApp implements McpApplication {

    /** A 1x1 PNG. */
    static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
    /** A WAV header with no samples. */
    static final String WAV = "UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAEAfAAABAAgAZGF0YQAAAAA=";

    static final Arg<String> PROMPT = Arg.string("prompt").description("The prompt to send to the client's model");
    static final Arg<String> MESSAGE = Arg.string("message").description("The question to ask the user");
    static final Arg<String> ARG1 = Arg.string("arg1").description("First test argument");
    static final Arg<String> ARG2 = Arg.string("arg2").description("Second test argument");
    static final Arg<String> RESOURCE_URI = Arg.string("resourceUri").description("URI of the resource to embed");

    static final Arg<String> REGION = Arg.string("region").description("A region, mirrored in the Mcp-Param-Region header").header("Region");

    static final JsonObject NAME_FORM = form("name");
    static final JsonObject CONFIRM_FORM = Json.object("type", "object",
            "properties", Json.object("ok", Json.object("type", "boolean")), "required", Json.array("ok"));

    @Override
    public McpServer create(Platform platform) {
        return server();
    }

    public static McpServer server() {
        McpServer server = base();
        // hooks the 2026-07-28 suite calls to make list-changed notifications fire; they need the server itself
        server.addTool(Tool.define("test_trigger_tool_change", tool -> tool
                .description("Tells subscribers that the tool list changed")
                .handle(call -> {
                    server.toolsChanged();
                    return ToolResult.text("Mutation triggered");
                })));
        server.addTool(Tool.define("test_trigger_prompt_change", tool -> tool
                .description("Tells subscribers that the prompt list changed")
                .handle(call -> {
                    server.promptsChanged();
                    return ToolResult.text("Mutation triggered");
                })));
        return server;
    }

    private static JsonObject form(String property) {
        return Json.object("type", "object", "properties", Json.object(property, Json.object("type", "string")), "required", Json.array(property));
    }

    private static McpServer base() {
        return McpServer.create("jmcp-conformance", "0.1.0", mcp -> mcp
                .title("jmcp conformance server")
                .instructions("Exposes what the MCP conformance suite exercises.")
                .tool("test_simple_text", tool -> tool
                        .description("Returns a simple text response")
                        .handle(call -> ToolResult.text("This is a simple text response for testing.")))
                .tool("test_image_content", tool -> tool
                        .description("Returns an image")
                        .handle(call -> ToolResult.of(Content.image(PNG, "image/png"))))
                .tool("test_audio_content", tool -> tool
                        .description("Returns audio")
                        .handle(call -> ToolResult.of(Content.audio(WAV, "audio/wav"))))
                .tool("test_embedded_resource", tool -> tool
                        .description("Returns an embedded resource")
                        .handle(call -> ToolResult.of(Content.resource(ResourceContents.text(
                                "test://embedded-resource", "text/plain", "This is an embedded resource content.")))))
                .tool("test_multiple_content_types", tool -> tool
                        .description("Returns text, an image and an embedded resource")
                        .handle(call -> ToolResult.of(
                                Content.text("Multiple content types test:"),
                                Content.image(PNG, "image/png"),
                                Content.resource(ResourceContents.text("test://mixed-content-resource", "application/json",
                                        "{\"test\":\"data\",\"value\":123}")))))
                .tool("test_tool_with_logging", tool -> tool
                        .description("Sends log messages while it runs")
                        .handle(call -> {
                            call.log(LogLevel.INFO, "Tool execution started");
                            call.log(LogLevel.INFO, "Tool processing data");
                            call.log(LogLevel.INFO, "Tool execution completed");
                            return ToolResult.text("Tool with logging executed successfully");
                        }))
                .tool("test_error_handling", tool -> tool
                        .description("Always fails, as a tool error")
                        .handle(call -> {
                            throw new ToolError("This tool intentionally returns an error for testing");
                        }))
                .tool("test_tool_with_progress", tool -> tool
                        .description("Reports progress while it runs")
                        .handle(call -> {
                            call.progress(0, 100.0, "Starting");
                            call.progress(50, 100.0, "Halfway");
                            call.progress(100, 100.0, "Done");
                            return ToolResult.text("Progress tool completed");
                        }))
                .tool("test_sampling", tool -> tool
                        .description("Asks the client's model to answer a prompt")
                        .args(PROMPT)
                        .handle(call -> {
                            var answer = call.sample(SamplingRequest.of(call.get(PROMPT), 100));
                            return ToolResult.text("LLM response: " + answer.text());
                        }))
                .tool("test_elicitation", tool -> tool
                        .description("Asks the user for a name and an e-mail address")
                        .args(MESSAGE)
                        .handle(call -> {
                            ElicitResult answer = call.elicit(Elicitation.form(call.get(MESSAGE), Json.object(
                                    "type", "object",
                                    "properties", Json.object(
                                            "username", Json.object("type", "string", "description", "User's response"),
                                            "email", Json.object("type", "string", "description", "User's email address")),
                                    "required", Json.array("username", "email"))));
                            return ToolResult.text("User response: action=" + answer.action().name().toLowerCase()
                                    + ", content=" + Json.write(answer.content()));
                        }))
                .tool("test_elicitation_sep1034_defaults", tool -> tool
                        .description("Asks the user with a form whose fields have defaults (SEP-1034)")
                        .handle(call -> {
                            ElicitResult answer = call.elicit(Elicitation.form("Please review and update the form fields with defaults", Json.object(
                                    "type", "object",
                                    "properties", Json.object(
                                            "name", Json.object("type", "string", "description", "User name", "default", "John Doe"),
                                            "age", Json.object("type", "integer", "description", "User age", "default", 30),
                                            "score", Json.object("type", "number", "description", "User score", "default", 95.5),
                                            "status", Json.object("type", "string", "description", "User status",
                                                    "enum", Json.array("active", "inactive", "pending"), "default", "active"),
                                            "verified", Json.object("type", "boolean", "description", "Verification status", "default", true)),
                                    "required", Json.array())));
                            return ToolResult.text("Elicitation completed: action=" + answer.action().name().toLowerCase()
                                    + ", content=" + Json.write(answer.content()));
                        }))
                .tool("test_elicitation_sep1330_enums", tool -> tool
                        .description("Asks the user with every enum form of SEP-1330")
                        .handle(call -> {
                            var options = List.of("option1", "option2", "option3");
                            var titled = Json.array(
                                    Json.object("const", "value1", "title", "First Option"),
                                    Json.object("const", "value2", "title", "Second Option"),
                                    Json.object("const", "value3", "title", "Third Option"));
                            ElicitResult answer = call.elicit(Elicitation.form("Please select options from the enum fields", Json.object(
                                    "type", "object",
                                    "properties", Json.object(
                                            "untitledSingle", Json.object("type", "string", "description", "Select one option", "enum", Json.array(options)),
                                            "titledSingle", Json.object("type", "string", "description", "Select one option with titles", "oneOf", titled),
                                            "legacyEnum", Json.object("type", "string", "description", "Select one option (legacy)",
                                                    "enum", Json.array(options), "enumNames", Json.array("Option One", "Option Two", "Option Three")),
                                            "untitledMulti", Json.object("type", "array", "description", "Select multiple options",
                                                    "minItems", 1, "maxItems", 3, "items", Json.object("type", "string", "enum", Json.array(options))),
                                            "titledMulti", Json.object("type", "array", "description", "Select multiple options with titles",
                                                    "minItems", 1, "maxItems", 3, "items", Json.object("anyOf", titled))),
                                    "required", Json.array())));
                            return ToolResult.text("Elicitation completed: action=" + answer.action().name().toLowerCase()
                                    + ", content=" + Json.write(answer.content()));
                        }))
                .tool("json_schema_2020_12_tool", tool -> tool
                        .description("Has an input schema with JSON Schema 2020-12 keywords, kept verbatim")
                        .inputSchema(Json.parse("""
                                {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                                 "$defs":{"address":{"$anchor":"addressDef","type":"object",
                                          "properties":{"street":{"type":"string"},"city":{"type":"string"}}}},
                                 "properties":{"name":{"type":"string"},"address":{"$ref":"#/$defs/address"},
                                               "contactMethod":{"type":"string","enum":["phone","email"]},
                                               "phone":{"type":"string"},"email":{"type":"string"}},
                                 "allOf":[{"anyOf":[{"required":["phone"]},{"required":["email"]}]}],
                                 "if":{"properties":{"contactMethod":{"const":"phone"}},"required":["contactMethod"]},
                                 "then":{"required":["phone"]},"else":{"required":["email"]},
                                 "additionalProperties":false}""").asObject())
                        .handle(call -> ToolResult.text("Received: " + Json.write(call.arguments()))))
                .tool("test_reconnection", tool -> tool
                        .description("Answers on an event stream the client may resume")
                        .handle(call -> ToolResult.text("Reconnection test completed successfully")))
                .tool("test_custom_header", tool -> tool
                        .description("Echoes a value mirrored into the Mcp-Param-Region header")
                        .args(REGION)
                        .handle(call -> ToolResult.text("region=" + call.get(REGION))))
                .tool("test_missing_capability", tool -> tool
                        .description("Needs the client's sampling capability")
                        .handle(call -> {
                            if (!call.clientCapabilities().has("sampling")) {
                                throw McpException.missingClientCapability(Json.object("sampling", Json.object()), "sampling");
                            }
                            return ToolResult.text("Success");
                        }))
                .tool("test_streaming_elicitation", tool -> tool
                        .description("Asks the user to confirm")
                        .handle(call -> {
                            var answer = call.elicit("confirm", Elicitation.form("Please confirm", CONFIRM_FORM));
                            return ToolResult.text("Confirmed: " + answer.content().members().get("ok"));
                        }))
                .tool("test_logging_tool", tool -> tool
                        .description("Logs at info level, which reaches only clients that asked for logs")
                        .handle(call -> {
                            call.log(LogLevel.INFO, "Logging tool ran");
                            return ToolResult.text("Logging evaluated");
                        }))
                .tool("test_input_required_result_elicitation", tool -> tool
                        .description("Asks the user's name, then greets them")
                        .handle(call -> {
                            var answer = call.elicit("user_name", Elicitation.form("What is your name?", NAME_FORM));
                            return ToolResult.text("Hello, " + answer.content().optString("name") + "!");
                        }))
                .tool("test_input_required_result_sampling", tool -> tool
                        .description("Asks the client's model a question")
                        .handle(call -> {
                            var answer = call.sample("capital_question", SamplingRequest.of("What is the capital of France?", 100));
                            return ToolResult.text("The model said: " + answer.text());
                        }))
                .tool("test_input_required_result_list_roots", tool -> tool
                        .description("Asks for the client's roots")
                        .handle(call -> ToolResult.text("Found " + call.roots("client_roots").size() + " root(s)")))
                .tool("test_input_required_result_request_state", tool -> tool
                        .description("Asks for a confirmation and carries state across the round trip")
                        .handle(call -> {
                            var answer = call.elicit("confirm", Elicitation.form("Please confirm", CONFIRM_FORM));
                            return ToolResult.text("state-ok: confirmed=" + answer.content().members().get("ok"));
                        }))
                .tool("test_input_required_result_multiple_inputs", tool -> tool
                        .description("Asks three things at once")
                        .handle(call -> {
                            Answers answers = call.ask(
                                    Question.elicit("user_name", Elicitation.form("What is your name?", NAME_FORM)),
                                    Question.sample("greeting", SamplingRequest.of("Generate a greeting", 50)),
                                    Question.roots("client_roots"));
                            return ToolResult.text(answers.sampling("greeting").text() + " "
                                    + answers.elicitation("user_name").content().optString("name")
                                    + " (" + answers.roots("client_roots").size() + " roots)");
                        }))
                .tool("test_input_required_result_multi_round", tool -> tool
                        .description("Asks two questions, one round after the other")
                        .handle(call -> {
                            String name = call.elicit("step1", Elicitation.form("Step 1: What is your name?", NAME_FORM)).content().optString("name");
                            String color = call.elicit("step2", Elicitation.form("Step 2: What is your favorite color?", form("color"))).content().optString("color");
                            return ToolResult.text("Multi-round complete for " + name + " who likes " + color);
                        }))
                .tool("test_input_required_result_tampered_state", tool -> tool
                        .description("Asks for a confirmation; a tampered requestState is refused")
                        .handle(call -> {
                            call.elicit("confirm", Elicitation.form("Please confirm", CONFIRM_FORM));
                            return ToolResult.text("Confirmed with intact state");
                        }))
                .tool("test_input_required_result_capabilities", tool -> tool
                        .description("Asks only what the client's capabilities allow")
                        .handle(call -> {
                            var questions = new java.util.ArrayList<Question>();
                            if (call.clientCapabilities().has("elicitation")) {
                                questions.add(Question.elicit("elicit_input", Elicitation.form("Your input?", form("value"))));
                            }
                            if (call.clientCapabilities().has("sampling")) {
                                questions.add(Question.sample("sample_input", SamplingRequest.of("Sample request", 50)));
                            }
                            call.ask(questions.toArray(Question[]::new));
                            return ToolResult.text("Asked " + questions.size() + " question(s) the client supports");
                        }))
                .resource("test://static-text", res -> res
                        .name("static-text").description("A static text resource").mimeType("text/plain")
                        .read(read -> ResourceResult.text(read.uri(), "text/plain", "This is the content of the static text resource.")))
                .resource("test://static-binary", res -> res
                        .name("static-binary").description("A static binary resource (a PNG)").mimeType("image/png")
                        .read(read -> ResourceResult.blob(read.uri(), "image/png", PNG)))
                .resource("test://watched-resource", res -> res
                        .name("watched-resource").description("A resource clients can subscribe to").mimeType("text/plain")
                        .read(read -> ResourceResult.text(read.uri(), "text/plain", "Watched resource content")))
                .resourceTemplate("test://template/{id}/data", res -> res
                        .name("template-data").description("Data for one id").mimeType("application/json")
                        .complete("id", (prefix, context) -> List.of("123", "456").stream().filter(id -> id.startsWith(prefix)).toList())
                        .read(read -> ResourceResult.text(read.uri(), "application/json", Json.write(Json.object(
                                "id", read.var("id"), "templateTest", true, "data", "Data for ID: " + read.var("id"))))))
                .prompt("test_simple_prompt", prompt -> prompt
                        .description("A prompt without arguments")
                        .render(call -> PromptResult.of(PromptMessage.user("This is a simple prompt for testing."))))
                .prompt("test_prompt_with_arguments", prompt -> prompt
                        .description("A prompt with two required arguments")
                        .args(ARG1, ARG2)
                        .complete(ARG1, (prefix, context) -> List.of("paris", "park", "party").stream().filter(v -> v.startsWith(prefix)).toList())
                        .render(call -> PromptResult.of(PromptMessage.user(
                                "Prompt with arguments: arg1='" + call.get(ARG1) + "', arg2='" + call.get(ARG2) + "'"))))
                .prompt("test_prompt_with_embedded_resource", prompt -> prompt
                        .description("A prompt that embeds a resource")
                        .args(RESOURCE_URI)
                        .render(call -> PromptResult.of(
                                PromptMessage.user(Content.resource(ResourceContents.text(call.get(RESOURCE_URI), "text/plain",
                                        "Embedded resource content for testing."))),
                                PromptMessage.user("Please process the embedded resource above."))))
                .prompt("test_input_required_result_prompt", prompt -> prompt
                        .description("Asks the user for context before rendering")
                        .render(call -> {
                            String context = call.elicit("user_context", Elicitation.form("What context should the prompt use?", form("context")))
                                    .content().optString("context");
                            return PromptResult.of(PromptMessage.user("Prompt with context: " + context));
                        }))
                .prompt("test_prompt_with_image", prompt -> prompt
                        .description("A prompt that carries an image")
                        .render(call -> PromptResult.of(
                                PromptMessage.user(Content.image(PNG, "image/png")),
                                PromptMessage.user("Please analyze the image above.")))));
    }
}
