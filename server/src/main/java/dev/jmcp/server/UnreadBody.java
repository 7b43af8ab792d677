package dev.jmcp.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * For responses written before the request body was read to its end (a refusal, a body over the size limit). Once
 * such a response is committed Jetty closes the connection without saying so, and a keep-alive client that sends its
 * next request on it gets nothing back; a proxy in front (Cloud Run's) sees a failed request.
 */
final class UnreadBody {
    private UnreadBody() {
    }

    /** Discards the part of the body already here; if more is still to come, tells the client the connection ends. */
    static void discardOrClose(Request request, Response response) {
        if (!request.consumeAvailable()) {
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
    }
}
