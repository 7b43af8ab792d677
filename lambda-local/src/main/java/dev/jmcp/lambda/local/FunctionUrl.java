package dev.jmcp.lambda.local;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonArray;
import dev.jmcp.json.JsonBoolean;
import dev.jmcp.json.JsonNumber;
import dev.jmcp.json.JsonObject;
import dev.jmcp.json.JsonParseException;
import dev.jmcp.json.JsonString;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP front of a {@link LocalLambda}, shaped like a Lambda Function URL: every request becomes a payload
 * format 2.0 event, the function's result becomes the HTTP response. Also answers the Invoke API's
 * {@code POST /2015-03-31/functions/NAME/invocations} with the raw payload, as the Runtime Interface Emulator does.
 *
 * <p>Formats followed: Function URL request and response payloads (docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html:
 * version 2.0 event; {@code cookies}; comma-joined repeated headers and query parameters; binary bodies base64 with
 * {@code isBase64Encoded}; a result without {@code statusCode} is sent as a 200 {@code application/json} body), response
 * streaming ({@code application/vnd.awslambda.http-integration-response}: a JSON prelude with statusCode, headers and
 * cookies, eight NUL bytes, then the body), and the error statuses: 502 when the function fails or answers a malformed
 * result, 413 over the 6 MB request quota, 429 when throttled.
 */
public final class FunctionUrl extends Handler.Abstract {
    static final String HTTP_INTEGRATION_RESPONSE = "application/vnd.awslambda.http-integration-response";
    private static final String INVOKE_PREFIX = "/2015-03-31/functions/";
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

    private final LocalLambda lambda;
    private final String urlId;

    public FunctionUrl(LocalLambda lambda) {
        this.lambda = lambda;
        // A Function URL's host is <url-id>.lambda-url.<region>.on.aws; the id is 32 lower-case letters and digits.
        this.urlId = UUID.nameUUIDFromBytes(lambda.config().name().getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (path.startsWith(INVOKE_PREFIX)) return invokeApi(path, request, response, callback);
        // Read one byte more than the quota's worth of event, so an oversized body is seen without holding it all.
        byte[] body = LocalLambda.readAtMost(request, LocalLambda.MAX_REQUEST_BYTES + 1);
        byte[] event = body.length > LocalLambda.MAX_REQUEST_BYTES ? body : Json.writeUtf8(event(request, path, body));
        Reply reply = await(lambda.invoke(event));
        String requestId = UUID.randomUUID().toString();
        response.getHeaders().put("x-amzn-RequestId", requestId);
        switch (reply) {
            case Reply.Rejected rejected -> {
                response.getHeaders().put("x-amzn-ErrorType", rejected.errorType());
                send(response, callback, rejected.status(), "application/json", rejected.body().getBytes(StandardCharsets.UTF_8));
            }
            case Reply.FunctionError error -> internalError(response, callback);
            case Reply.Buffered buffered -> buffered(buffered.payload(), buffered.contentType(), response, callback);
            case Reply.Streamed streamed -> {
                if (lambda.config().invokeMode() == FunctionConfig.InvokeMode.RESPONSE_STREAM) streamed(streamed, response, callback);
                else {
                    var all = new ByteArrayOutputStream();
                    for (byte[] chunk; (chunk = streamed.stream().take(1, TimeUnit.HOURS)) != null; ) all.writeBytes(chunk);
                    if (streamed.stream().error() != null) internalError(response, callback);
                    else buffered(all.toByteArray(), streamed.contentType(), response, callback);
                }
            }
        }
        return true;
    }

    /** The Invoke API: the payload goes to the function as it is; a function error is 200 with X-Amz-Function-Error. */
    private boolean invokeApi(String path, Request request, Response response, Callback callback) throws Exception {
        String name = path.substring(INVOKE_PREFIX.length());
        if (!name.endsWith("/invocations") || !request.getMethod().equals("POST")) return false;
        name = name.substring(0, name.length() - "/invocations".length());
        if (!name.equals(lambda.config().name()) && !name.equals(lambda.config().arn())) {
            response.getHeaders().put("x-amzn-ErrorType", "ResourceNotFoundException");
            // Answered unread: once committed, Jetty closes a connection whose body it cannot finish, so say so,
            // or a keep-alive client sends its next request into the closed connection.
            if (!request.consumeAvailable()) response.getHeaders().put(HttpHeader.CONNECTION, "close");
            send(response, callback, 404, "application/json", Json.writeUtf8(Json.object("Type", "User",
                    "message", "Function not found: " + lambda.config().arn().replace(lambda.config().name(), name))));
            return true;
        }
        byte[] payload = LocalLambda.readAtMost(request, LocalLambda.MAX_REQUEST_BYTES + 1);
        Reply reply = await(lambda.invoke(payload.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : payload));
        response.getHeaders().put("x-amzn-RequestId", UUID.randomUUID().toString());
        switch (reply) {
            case Reply.Rejected rejected -> {
                response.getHeaders().put("x-amzn-ErrorType", rejected.errorType());
                send(response, callback, rejected.status(), "application/json", rejected.body().getBytes(StandardCharsets.UTF_8));
            }
            case Reply.FunctionError error -> {
                response.getHeaders().put("X-Amz-Function-Error", "Unhandled");
                response.getHeaders().put("X-Amz-Executed-Version", "$LATEST");
                send(response, callback, 200, "application/json", error.bodyBytes());
            }
            case Reply.Buffered buffered -> {
                response.getHeaders().put("X-Amz-Executed-Version", "$LATEST");
                send(response, callback, 200, "application/json", buffered.payload());
            }
            case Reply.Streamed streamed -> {
                var all = new ByteArrayOutputStream();
                for (byte[] chunk; (chunk = streamed.stream().take(1, TimeUnit.HOURS)) != null; ) all.writeBytes(chunk);
                response.getHeaders().put("X-Amz-Executed-Version", "$LATEST");
                if (streamed.stream().error() != null) {
                    response.getHeaders().put("X-Amz-Function-Error", "Unhandled");
                    send(response, callback, 200, "application/json", streamed.stream().error().bodyBytes());
                } else {
                    send(response, callback, 200, streamed.contentType(), all.toByteArray());
                }
            }
        }
        return true;
    }

    /** The payload format 2.0 event for this request. */
    JsonObject event(Request request, String path, byte[] body) {
        var headers = new LinkedHashMap<String, String>();
        var cookies = new ArrayList<Json>();
        for (HttpField field : request.getHeaders()) {
            String name = field.getName().toLowerCase(Locale.ROOT);
            if (name.equals("cookie")) {
                for (String cookie : field.getValue().split(";")) if (!cookie.isBlank()) cookies.add(new JsonString(cookie.trim()));
                continue;
            }
            headers.merge(name, field.getValue(), (a, b) -> a + "," + b);
        }
        String query = request.getHttpURI().getQuery();
        var parameters = new LinkedHashMap<String, String>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                parameters.merge(key, value, (a, b) -> a + "," + b);
            }
        }
        long now = System.currentTimeMillis();
        var http = Json.object("method", request.getMethod(), "path", path, "protocol", request.getConnectionMetaData().getProtocol(),
                "sourceIp", Request.getRemoteAddr(request), "userAgent", headers.getOrDefault("user-agent", ""));
        String host = headers.getOrDefault("host", urlId + ".lambda-url." + lambda.config().region() + ".on.aws");
        var context = JsonObject.builder()
                .put("accountId", "anonymous")
                .put("apiId", urlId)
                .put("domainName", host)
                .put("domainPrefix", host.contains(".") ? host.substring(0, host.indexOf('.')) : host)
                .put("http", http)
                .put("requestId", UUID.randomUUID().toString())
                .put("routeKey", "$default")
                .put("stage", "$default")
                .put("time", REQUEST_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
                .put("timeEpoch", now)
                .build();
        var event = JsonObject.builder()
                .put("version", "2.0")
                .put("routeKey", "$default")
                .put("rawPath", path)
                .put("rawQueryString", query == null ? "" : query);
        if (!cookies.isEmpty()) event.put("cookies", JsonArray.of(cookies));
        var headerJson = JsonObject.builder();
        headers.forEach(headerJson::put);
        event.put("headers", headerJson.build());
        if (!parameters.isEmpty()) {
            var params = JsonObject.builder();
            parameters.forEach(params::put);
            event.put("queryStringParameters", params.build());
        }
        event.put("requestContext", context);
        if (body.length > 0) {
            String text = isText(headers.get("content-type")) ? utf8(body) : null;
            event.put("body", text != null ? text : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", text == null);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event.build();
    }

    /** A buffered result: a Function URL response document, or any other JSON sent as a 200 application/json body. */
    private void buffered(byte[] payload, String contentType, Response response, Callback callback) {
        if (HTTP_INTEGRATION_RESPONSE.equalsIgnoreCase(mediaType(contentType))) {
            int split = preludeEnd(payload, payload.length);
            if (split < 0) {
                internalError(response, callback);
                return;
            }
            byte[] rest = java.util.Arrays.copyOfRange(payload, split + 8, payload.length);
            if (!head(prelude(payload, split), response)) {
                internalError(response, callback);
                return;
            }
            send(response, callback, response.getStatus(), null, rest);
            return;
        }
        Json result;
        try {
            result = Json.parse(payload);
        } catch (JsonParseException e) {
            internalError(response, callback);
            return;
        }
        if (!(result instanceof JsonObject object) || !object.has("statusCode")) {
            send(response, callback, 200, "application/json", payload);
            return;
        }
        if (!head(object, response)) {
            internalError(response, callback);
            return;
        }
        byte[] body;
        Json bodyJson = object.find("body").orElse(null);
        boolean base64 = object.find("isBase64Encoded").orElse(null) instanceof JsonBoolean b && b.value();
        if (bodyJson == null || bodyJson instanceof dev.jmcp.json.JsonNull) body = new byte[0];
        else if (bodyJson instanceof JsonString s) {
            try {
                body = base64 ? Base64.getDecoder().decode(s.value()) : s.value().getBytes(StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                internalError(response, callback);
                return;
            }
        } else {
            internalError(response, callback);
            return;
        }
        send(response, callback, response.getStatus(), null, body);
    }

    /** Copies statusCode, headers and cookies from a response document (or prelude); false when it is malformed. */
    private static boolean head(JsonObject document, Response response) {
        Json status = document.find("statusCode").orElse(null);
        int code;
        if (status == null) code = 200;
        else if (status instanceof JsonNumber n && n.fitsLong() && n.longValue() >= 100 && n.longValue() <= 599) code = n.intValue();
        else return false;
        response.setStatus(code);
        if (document.find("headers").orElse(null) instanceof JsonObject headers) {
            for (var entry : headers.members().entrySet()) {
                if (!(entry.getValue() instanceof JsonString value)) return false;
                response.getHeaders().add(entry.getKey(), value.value());
            }
        } else if (document.has("headers") && !(document.get("headers") instanceof dev.jmcp.json.JsonNull)) {
            return false;
        }
        if (document.find("cookies").orElse(null) instanceof JsonArray cookies) {
            for (Json cookie : cookies.items()) {
                if (!(cookie instanceof JsonString value)) return false;
                response.getHeaders().add(HttpHeader.SET_COOKIE, value.value());
            }
        }
        return true;
    }

    /** A streamed result goes to the client chunk by chunk; an error after the head cuts the body off. */
    private void streamed(Reply.Streamed streamed, Response response, Callback callback) throws Exception {
        ByteStream stream = streamed.stream();
        boolean integration = HTTP_INTEGRATION_RESPONSE.equalsIgnoreCase(mediaType(streamed.contentType()));
        var head = new ByteArrayOutputStream();
        byte[] chunk;
        if (integration) {
            // Gather bytes until the eight NUL bytes that end the prelude.
            int split = -1;
            while (split < 0 && (chunk = stream.take(1, TimeUnit.HOURS)) != null) {
                head.writeBytes(chunk);
                byte[] all = head.toByteArray();
                split = preludeEnd(all, all.length);
            }
            byte[] all = head.toByteArray();
            if (split < 0 || stream.error() != null && all.length == 0) {
                internalError(response, callback);
                return;
            }
            if (!head(prelude(all, split), response)) {
                internalError(response, callback);
                return;
            }
            byte[] rest = java.util.Arrays.copyOfRange(all, split + 8, all.length);
            writeNow(response, rest);
        } else {
            chunk = stream.take(1, TimeUnit.HOURS);
            if (chunk == null && stream.error() != null) {
                internalError(response, callback);
                return;
            }
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, streamed.contentType());
            writeNow(response, chunk == null ? new byte[0] : chunk);
            if (chunk == null) {
                response.write(true, ByteBuffer.allocate(0), callback);
                return;
            }
        }
        while ((chunk = stream.take(1, TimeUnit.HOURS)) != null) writeNow(response, chunk);
        if (stream.error() != null) {
            // Lambda ends the client's response where the function failed; the error goes to the log.
            callback.failed(new IOException("the function failed mid-stream: " + stream.error().errorType()));
            return;
        }
        response.write(true, ByteBuffer.allocate(0), callback);
    }

    private static int preludeEnd(byte[] bytes, int length) {
        outer:
        for (int i = 0; i + 8 <= length; i++) {
            for (int j = 0; j < 8; j++) if (bytes[i + j] != 0) continue outer;
            return i;
        }
        return -1;
    }

    private static JsonObject prelude(byte[] bytes, int end) {
        try {
            return Json.parse(new String(bytes, 0, end, StandardCharsets.UTF_8)) instanceof JsonObject o ? o : JsonObject.builder().put("statusCode", "bad").build();
        } catch (JsonParseException e) {
            return JsonObject.builder().put("statusCode", "bad").build();
        }
    }

    private static void writeNow(Response response, byte[] bytes) throws IOException {
        try (Blocker.Callback written = Blocker.callback()) {
            response.write(false, ByteBuffer.wrap(bytes), written);
            written.block();
        }
    }

    private static void internalError(Response response, Callback callback) {
        send(response, callback, 502, "application/json", "{\"Message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static void send(Response response, Callback callback, int status, String contentType, byte[] body) {
        response.setStatus(status);
        if (contentType != null) response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        else if (!response.getHeaders().contains(HttpHeader.CONTENT_TYPE)) response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static Reply await(java.util.concurrent.CompletableFuture<Reply> reply) throws InterruptedException {
        try {
            return reply.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the local Lambda failed", e.getCause());
        }
    }

    /** Function URLs pass text bodies as they are and base64-encode the rest. */
    static boolean isText(String contentType) {
        if (contentType == null) return false;
        String type = mediaType(contentType);
        return type.startsWith("text/") || type.endsWith("/json") || type.endsWith("+json") || type.endsWith("/xml")
                || type.endsWith("+xml") || type.equals("application/javascript") || type.equals("application/x-www-form-urlencoded");
    }

    private static String mediaType(String contentType) {
        if (contentType == null) return "";
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

}
