package dev.jmcp.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /health} for load balancers and container probes: 200 while serving, 503 once a drain has begun, so
 * that the platform stops routing new traffic here while in-flight requests finish. It never blocks.
 */
final class HealthHandler extends Handler.Abstract.NonBlocking {
    static final String PATH = "/health";
    private static final byte[] OK = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DRAINING = "{\"status\":\"draining\"}".getBytes(StandardCharsets.UTF_8);

    private volatile boolean draining;

    void drain() {
        draining = true;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!PATH.equals(Request.getPathInContext(request))) return false;
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        boolean drainingNow = draining;
        byte[] body = drainingNow ? DRAINING : OK;
        response.setStatus(drainingNow ? HttpStatus.SERVICE_UNAVAILABLE_503 : HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
