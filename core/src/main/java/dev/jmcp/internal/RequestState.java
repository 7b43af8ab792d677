package dev.jmcp.internal;

import dev.jmcp.McpException;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seals the answers a multi-round-trip request has gathered into the opaque {@code requestState} that the client
 * echoes on its retry, so a stateless server can pick up where the last round stopped. The state is
 * {@code v1.<payload>.<mac>}: a base64url JSON payload (method, tool or prompt name, expiry, answers) and its
 * HMAC-SHA256 under the server's key. Nothing in a state is trusted unless the MAC matches, it has not expired, and
 * it was issued for the same method and name; every refusal says which check failed.
 */
public final class RequestState {
    private static final String VERSION = "v1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final HmacSha256 mac;
    private final long ttlMillis;

    /** @param key at least 32 bytes; servers behind one load balancer must share it */
    public RequestState(byte[] key, long ttlMillis) {
        if (key.length < 32) throw new IllegalArgumentException("the requestState key must be at least 32 bytes, got " + key.length);
        if (ttlMillis < 1000) throw new IllegalArgumentException("requestState lifetime < 1000 ms: " + ttlMillis);
        this.mac = new HmacSha256(key);
        this.ttlMillis = ttlMillis;
    }

    public String seal(String method, String name, Map<String, Json> answers, long nowMillis) {
        var payload = Json.object("m", method, "n", name, "exp", nowMillis + ttlMillis, "a", JsonObject.of(answers));
        String body = VERSION + "." + ENCODER.encodeToString(Json.writeUtf8(payload));
        return body + "." + ENCODER.encodeToString(mac.mac(body.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The answers sealed in a state, after every check; an {@link McpException} (-32602) names the failed one. */
    public Map<String, Json> open(String state, String method, String name, long nowMillis) {
        int first = state.indexOf('.');
        int last = state.lastIndexOf('.');
        if (first < 0 || first == last || !state.substring(0, first).equals(VERSION)) {
            throw refused("it is malformed (expected " + VERSION + ".<payload>.<mac>)");
        }
        String body = state.substring(0, last);
        byte[] claimed;
        try {
            claimed = DECODER.decode(state.substring(last + 1));
        } catch (IllegalArgumentException e) {
            throw refused("it is malformed (" + e.getMessage() + ")");
        }
        if (!HmacSha256.equal(claimed, mac.mac(body.getBytes(StandardCharsets.US_ASCII)))) {
            throw refused("it was not issued by this server or was altered");
        }
        JsonObject payload;
        long expires;
        String issuedMethod;
        String issuedName;
        try { // a payload we signed ourselves; a failure here means a bug or a leaked key, still never a crash
            payload = Json.parse(DECODER.decode(body.substring(first + 1))).asObject();
            expires = payload.number("exp").longValue();
            issuedMethod = payload.string("m");
            issuedName = payload.optString("n");
            payload.object("a");
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw refused("it is malformed (" + e.getMessage() + ")");
        }
        if (nowMillis > expires) {
            throw refused("it expired; send the request again without requestState and inputResponses");
        }
        if (!issuedMethod.equals(method) || !java.util.Objects.equals(issuedName, name)) {
            throw refused("it was issued for " + issuedMethod + (issuedName == null ? "" : " \"" + issuedName + "\"")
                    + ", not for " + method + (name == null ? "" : " \"" + name + "\""));
        }
        return new LinkedHashMap<>(payload.object("a").members());
    }

    private static McpException refused(String why) {
        return McpException.invalidParams("requestState refused: " + why);
    }
}
