package dev.jmcp.lambda.local;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The Function URL front: HTTP to a payload 2.0 event and the function's result back, buffered and streamed. */
class FunctionUrlTest {
    @TempDir
    Path taskRoot;
    final List<String> log = new CopyOnWriteArrayList<>();
    LocalLambda lambda;
    final HttpClient http = HttpClient.newHttpClient();

    String serve(FunctionConfig config) throws Exception {
        lambda = new LocalLambda(config, line -> {
            log.add(line);
            System.out.println("[lambda] " + line);
        }).start();
        int port = lambda.serve(new FunctionUrl(lambda), "127.0.0.1", 0);
        return "http://127.0.0.1:" + port;
    }

    @AfterEach
    void stop() {
        if (lambda != null) lambda.close();
    }

    FunctionConfig ric() throws IOException {
        return FunctionConfig.of("fixture", LocalLambdaRicTest.HANDLER, taskRoot, LocalLambdaRicTest.ricCommand(LocalLambdaRicTest.HANDLER));
    }

    @Test
    void requestsBecomePayload2EventsAndResultsBecomeResponses() throws Exception {
        String base = serve(ric());
        var response = http.send(HttpRequest.newBuilder(URI.create(base + "/mcp?a=1&a=2&b=x%20y"))
                .header("Cookie", "c1=v1; c2=v2").header("X-Thing", "t").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"op\":\"echo\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("x-fixture")).contains("yes");
        assertThat(response.headers().allValues("set-cookie")).containsExactly("a=1; Path=/", "b=2");
        var event = ((JsonObject) Json.parse(response.body())).object("event");
        assertThat(event.string("version")).isEqualTo("2.0");
        assertThat(event.string("rawPath")).isEqualTo("/mcp");
        assertThat(event.string("rawQueryString")).isEqualTo("a=1&a=2&b=x%20y");
        assertThat(event.object("queryStringParameters")).isEqualTo(Json.object("a", "1,2", "b", "x y"));
        assertThat(event.array("cookies").items()).containsExactly(Json.of("c1=v1"), Json.of("c2=v2"));
        assertThat(event.object("headers").string("x-thing")).isEqualTo("t");
        assertThat(event.object("headers").has("cookie")).isFalse();
        assertThat(event.object("requestContext").object("http").string("method")).isEqualTo("POST");
        assertThat(event.object("requestContext").object("http").string("path")).isEqualTo("/mcp");
        assertThat(event.string("body")).isEqualTo("{\"op\":\"echo\"}");
        assertThat(event.bool("isBase64Encoded")).isFalse();
    }

    @Test
    void binaryBodiesAreBase64Encoded() throws Exception {
        String base = serve(ric());
        byte[] binary = {0, 1, 2, (byte) 0xff};
        var response = http.send(HttpRequest.newBuilder(URI.create(base + "/mcp")).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(binary)).build(), HttpResponse.BodyHandlers.ofString());
        var event = ((JsonObject) Json.parse(response.body())).object("event");
        assertThat(event.bool("isBase64Encoded")).isTrue();
        assertThat(Base64.getDecoder().decode(event.string("body"))).isEqualTo(binary);
    }

    @Test
    void functionErrorsMalformedResultsOversizedRequestsAndThrottlingHaveLambdasStatuses() throws Exception {
        String base = serve(ric().withMaxConcurrency(1));
        assertThat(post(base, "{\"op\":\"throw\"}").statusCode()).isEqualTo(502);
        assertThat(post(base, "{\"op\":\"malformed\"}").statusCode()).isEqualTo(502);
        assertThat(post(base, "{\"op\":\"crash\"}").statusCode()).isEqualTo(502);
        var tooLarge = post(base, "\"" + "a".repeat(LocalLambda.MAX_REQUEST_BYTES) + "\"");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("x-amzn-ErrorType")).contains("RequestEntityTooLargeException");
        var slow = http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/mcp")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"op\":\"sleep\",\"ms\":3000}")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> throttled = null;
        for (int i = 0; i < 100 && throttled == null; i++) {
            // until the slow request holds the only instance
            if (lambda.instanceCount() == 1 && !slow.isDone()) throttled = post(base, "{}");
            else Thread.sleep(20);
        }
        assertThat(throttled).isNotNull();
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("x-amzn-ErrorType")).contains("TooManyRequestsException");
        assertThat(slow.get().statusCode()).isEqualTo(201);
        assertThat(post(base, "{}").statusCode()).isEqualTo(201);
    }

    @Test
    void theInvokeApiPassesPayloadsAndReportsFunctionErrors() throws Exception {
        String base = serve(ric());
        String invoke = base + "/2015-03-31/functions/fixture/invocations";
        var ok = http.send(HttpRequest.newBuilder(URI.create(invoke)).POST(HttpRequest.BodyPublishers.ofString("{\"k\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(((JsonObject) Json.parse(ok.body())).object("event")).isEqualTo(Json.object("k", 1));
        var error = http.send(HttpRequest.newBuilder(URI.create(invoke)).POST(HttpRequest.BodyPublishers.ofString("{\"op\":\"throw\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(error.statusCode()).isEqualTo(200);
        assertThat(error.headers().firstValue("X-Amz-Function-Error")).contains("Unhandled");
        var malformed = http.send(HttpRequest.newBuilder(URI.create(invoke)).POST(HttpRequest.BodyPublishers.ofString("{oops")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("x-amzn-ErrorType")).contains("InvalidRequestContentException");
        var unknown = http.send(HttpRequest.newBuilder(URI.create(base + "/2015-03-31/functions/other/invocations"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void anUnknownFunctionAnsweredBeforeItsBodyArrivedSaysTheConnectionCloses() throws Exception {
        String base = serve(ric());
        int port = URI.create(base).getPort();
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /2015-03-31/functions/other/invocations HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Length: 2\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));   // the body "{}" held back
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 404").containsIgnoringCase("\r\nConnection: close\r\n");
        }
    }

    @Test
    void aStreamingRuntimesBytesReachTheClientAsTheyComeAndAnErrorTrailerCutsTheStream() throws Exception {
        var command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                "dev.jmcp.lambda.local.fixture.StreamingRuntime");
        String base = serve(FunctionConfig.of("streamer", "unused", taskRoot, command).withInvokeMode(FunctionConfig.InvokeMode.RESPONSE_STREAM));
        var response = http.send(HttpRequest.newBuilder(URI.create(base + "/mcp")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains("text/event-stream");
        try (InputStream body = response.body()) {
            // The first event is readable while the runtime still holds back the second (it sleeps between them).
            byte[] first = body.readNBytes("data: one\n\n".length());
            assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("data: one\n\n");
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("data: two\n\n");
        }
        var failing = http.send(HttpRequest.newBuilder(URI.create(base + "/mcp")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"fail\":true}")).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(failing.statusCode()).isEqualTo(200);
        try (InputStream body = failing.body()) {
            assertThat(new String(body.readNBytes("data: one\n\n".length()), StandardCharsets.UTF_8)).isEqualTo("data: one\n\n");
            org.assertj.core.api.Assertions.assertThatThrownBy(body::readAllBytes).isInstanceOf(java.io.IOException.class);
        }
        // The same runtime, buffered through the Invoke API: the trailer's error is the function error.
        var invoked = http.send(HttpRequest.newBuilder(URI.create(base + "/2015-03-31/functions/streamer/invocations"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"fail\":true}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(invoked.headers().firstValue("X-Amz-Function-Error")).contains("Unhandled");
        assertThat(Json.parse(invoked.body())).isEqualTo(Json.object("errorMessage", "stream broke", "errorType", "StreamError"));
        assertThat(lambda.instancesStarted()).isEqualTo(1);
    }

    HttpResponse<String> post(String base, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/mcp")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
