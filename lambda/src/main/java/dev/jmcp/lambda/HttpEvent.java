package dev.jmcp.lambda;

import dev.jmcp.http.Headers;
import dev.jmcp.http.HttpRequest;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonArray;
import dev.jmcp.json.JsonBoolean;
import dev.jmcp.json.JsonNull;
import dev.jmcp.json.JsonObject;
import dev.jmcp.json.JsonParseException;
import dev.jmcp.json.JsonString;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Map;

/**
 * One Lambda HTTP event as core's {@link HttpRequest}, with what the response needs to know about it. Parsed with
 * core's JSON codec, member by member, so nothing is bound by reflection.
 *
 * <p>Recognised shapes (the formats AWS documents for each source):
 * <ul>
 *   <li>payload 2.0 ({@code "version":"2.0"} and {@code requestContext.http}): Function URLs, HTTP APIs. The path is
 *       {@code rawPath} without a named stage's prefix; {@code cookies} become one {@code Cookie} header.</li>
 *   <li>payload 1.0 ({@code httpMethod}, {@code path}): REST APIs and HTTP APIs on 1.0. {@code multiValueHeaders}
 *       wins over {@code headers} when both are there (it holds every value).</li>
 *   <li>ALB ({@code requestContext.elb}): as 1.0; whether the target group sends {@code multiValueHeaders} decides the
 *       response's header shape, because an ALB reads only the one it sent.</li>
 * </ul>
 * The query string is not kept: MCP carries nothing in it.
 */
public record HttpEvent(EventSource source, boolean multiValueHeaders, HttpRequest request) {

    /** Parses an event; anything that is not one of the shapes above is an {@link InvalidEventException}. */
    public static HttpEvent parse(byte[] event) {
        Json json;
        try {
            json = Json.parse(event);
        } catch (JsonParseException e) {
            throw new InvalidEventException("the Lambda event is not JSON: " + e.getMessage(), e);
        }
        if (!(json instanceof JsonObject object)) {
            throw new InvalidEventException("the Lambda event is a JSON " + json.typeName() + ", not an HTTP event object");
        }
        try {
            return parse(object);
        } catch (InvalidEventException e) {
            throw e;
        } catch (IllegalArgumentException e) {   // a member of the wrong type (JsonTypeException names it)
            throw new InvalidEventException("the Lambda event is not a valid HTTP event: " + e.getMessage(), e);
        }
    }

    static HttpEvent parse(JsonObject event) {
        JsonObject context = event.optObject("requestContext");
        if (context != null && context.optObject("http") != null && "2.0".equals(event.optString("version"))) return v2(event, context);
        if (context != null && context.optObject("elb") != null) return v1(event, context, EventSource.ALB);
        if (event.has("httpMethod")) return v1(event, context, EventSource.API_GATEWAY_V1);
        var names = new ArrayList<>(event.members().keySet());
        throw new InvalidEventException("the Lambda event is not an HTTP event from a Function URL, API Gateway or an ALB: "
                + "expected requestContext.http with version 2.0, or httpMethod; its members are "
                + (names.isEmpty() ? "none" : String.join(", ", names.subList(0, Math.min(names.size(), 12)))));
    }

    private static HttpEvent v2(JsonObject event, JsonObject context) {
        String method = required(context.object("http"), "method", "requestContext.http.method");
        String path = event.optString("rawPath");
        if (path == null) path = context.object("http").optString("path");
        if (path == null) throw new InvalidEventException("the payload 2.0 event has no rawPath");
        var headers = Headers.builder();
        addSingle(headers, event.optObject("headers"), "headers");
        Json cookies = event.get("cookies");
        if (cookies instanceof JsonArray list && !list.isEmpty()) {
            var joined = new StringBuilder();
            for (Json cookie : list) {
                if (!(cookie instanceof JsonString s)) throw new InvalidEventException("cookies must be an array of strings");
                joined.append(joined.isEmpty() ? "" : "; ").append(s.value());
            }
            headers.set("Cookie", joined.toString());
        }
        var request = new HttpRequest(method, withoutStage(path, context.optString("stage")), headers.build(), body(event));
        return new HttpEvent(EventSource.HTTP_V2, false, request);
    }

    private static HttpEvent v1(JsonObject event, JsonObject context, EventSource source) {
        String method = required(event, "httpMethod", "httpMethod");
        String path = required(event, "path", "path");
        var headers = Headers.builder();
        JsonObject multi = event.optObject("multiValueHeaders");
        if (multi != null) addMulti(headers, multi);
        else addSingle(headers, event.optObject("headers"), "headers");
        // A REST API's path has no stage; an HTTP API's 1.0 path may carry a named stage.
        String stage = context == null || source == EventSource.ALB ? null : context.optString("stage");
        if ("1.0".equals(event.optString("version"))) path = withoutStage(path, stage);
        var request = new HttpRequest(method, path, headers.build(), body(event));
        return new HttpEvent(source, source == EventSource.ALB && multi != null, request);
    }

    private static String required(JsonObject object, String name, String shownAs) {
        String value = object.optString(name);
        if (value == null || value.isEmpty()) throw new InvalidEventException("the HTTP event has no " + shownAs);
        return value;
    }

    /** {@code /dev/mcp} on stage {@code dev} is {@code /mcp}; the {@code $default} stage adds no prefix. */
    static String withoutStage(String path, String stage) {
        if (stage == null || stage.isEmpty() || stage.equals("$default")) return path;
        String prefix = "/" + stage;
        if (path.equals(prefix)) return "/";
        return path.startsWith(prefix + "/") ? path.substring(prefix.length()) : path;
    }

    private static void addSingle(Headers.Builder headers, JsonObject fields, String member) {
        if (fields == null) return;
        for (Map.Entry<String, Json> field : fields.members().entrySet()) {
            // instanceof, not a pattern switch: this runs in every cold start (core/README.md, "Cold start")
            if (field.getValue() instanceof JsonString s) {
                headers.add(field.getKey(), s.value());
            } else if (field.getValue() != JsonNull.NULL) {
                throw new InvalidEventException(member + "." + field.getKey() + " must be a string, found a JSON "
                        + field.getValue().typeName());
            }
        }
    }

    private static void addMulti(Headers.Builder headers, JsonObject fields) {
        for (Map.Entry<String, Json> field : fields.members().entrySet()) {
            // instanceof, not a pattern switch: this runs in every cold start (core/README.md, "Cold start")
            if (field.getValue() instanceof JsonArray values) {
                for (Json value : values) {
                    if (!(value instanceof JsonString s)) {
                        throw new InvalidEventException("multiValueHeaders." + field.getKey() + " must hold strings, found a JSON " + value.typeName());
                    }
                    headers.add(field.getKey(), s.value());
                }
            } else if (field.getValue() != JsonNull.NULL) {
                throw new InvalidEventException("multiValueHeaders." + field.getKey() + " must be an array, found a JSON "
                        + field.getValue().typeName());
            }
        }
    }

    private static byte[] body(JsonObject event) {
        String body = event.optString("body");
        if (body == null) return new byte[0];
        Json encoded = event.get("isBase64Encoded");
        if (encoded != null && !(encoded instanceof JsonBoolean) && encoded != JsonNull.NULL) {
            throw new InvalidEventException("isBase64Encoded must be a boolean, found a JSON " + encoded.typeName());
        }
        if (encoded instanceof JsonBoolean b && b.value()) {
            try {
                return Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw new InvalidEventException("the body is marked isBase64Encoded but is not base64: " + e.getMessage(), e);
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
