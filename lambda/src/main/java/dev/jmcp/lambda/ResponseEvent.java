package dev.jmcp.lambda;

import dev.jmcp.http.Headers;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonArray;
import dev.jmcp.json.JsonObject;
import dev.jmcp.json.JsonString;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A response in the shape its event source reads: payload 2.0 ({@code cookies} for {@code Set-Cookie}, repeated
 * headers joined by commas), payload 1.0 ({@code headers} and {@code multiValueHeaders}) or ALB ({@code
 * statusDescription}, and exactly the header member the request came with). Text bodies go as they are; anything
 * that is not valid UTF-8 text goes base64-encoded.
 */
public final class ResponseEvent {

    private ResponseEvent() {
    }

    public static byte[] format(HttpEvent event, int status, Headers headers, byte[] body) {
        return Json.writeUtf8(toJson(event.source(), event.multiValueHeaders(), status, headers, body));
    }

    static JsonObject toJson(EventSource source, boolean multiValue, int status, Headers headers, byte[] body) {
        var out = JsonObject.builder().put("statusCode", status);
        if (source == EventSource.ALB) out.put("statusDescription", status + " " + reason(status));
        Map<String, List<String>> grouped = group(headers);
        switch (source) {
            case HTTP_V2 -> {
                var single = JsonObject.builder();
                var cookies = new ArrayList<Json>();
                for (var field : grouped.entrySet()) {
                    if (field.getKey().equalsIgnoreCase("set-cookie")) field.getValue().forEach(v -> cookies.add(new JsonString(v)));
                    else single.put(field.getKey(), String.join(",", field.getValue()));
                }
                out.put("headers", single.build());
                if (!cookies.isEmpty()) out.put("cookies", JsonArray.of(cookies));
            }
            case API_GATEWAY_V1 -> {
                out.put("headers", singleValued(grouped));
                out.put("multiValueHeaders", multiValued(grouped));
            }
            case ALB -> out.put(multiValue ? "multiValueHeaders" : "headers", multiValue ? multiValued(grouped) : singleValued(grouped));
        }
        String text = utf8(body);
        if (text != null) {
            out.put("body", text).put("isBase64Encoded", false);
        } else {
            out.put("body", Base64.getEncoder().encodeToString(body)).put("isBase64Encoded", true);
        }
        return out.build();
    }

    /** The metadata a streamed Function URL response starts with (before the 8 NUL bytes): status, headers, cookies. */
    static JsonObject streamingPrelude(int status, Headers headers) {
        JsonObject full = toJson(EventSource.HTTP_V2, false, status, headers, new byte[0]);
        return full.without("body").without("isBase64Encoded");
    }

    private static Map<String, List<String>> group(Headers headers) {
        var grouped = new LinkedHashMap<String, List<String>>();
        for (Headers.Field field : headers.fields()) {
            grouped.computeIfAbsent(field.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(field.value());
        }
        return grouped;
    }

    /** Single-valued headers: repeated ones joined by commas, except Set-Cookie, which only its last value can carry. */
    private static JsonObject singleValued(Map<String, List<String>> grouped) {
        var out = JsonObject.builder();
        for (var field : grouped.entrySet()) {
            List<String> values = field.getValue();
            out.put(field.getKey(), field.getKey().equals("set-cookie") ? values.get(values.size() - 1) : String.join(",", values));
        }
        return out.build();
    }

    private static JsonObject multiValued(Map<String, List<String>> grouped) {
        var out = JsonObject.builder();
        for (var field : grouped.entrySet()) out.put(field.getKey(), JsonArray.of(field.getValue().stream().map(JsonString::new).toList()));
        return out.build();
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException binary) {
            return null;
        }
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status";
        };
    }
}
