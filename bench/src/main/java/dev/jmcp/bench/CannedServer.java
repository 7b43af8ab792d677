package dev.jmcp.bench;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;

/**
 * The ceiling of the load-test setup: plain Jetty 12 answering every POST with fixed bytes (a captured jmcp
 * response), after reading the body, with the threads jmcp's server uses on JDK 25, the bench's runtime (the
 * connector's selector and every request on virtual threads, see {@code McpHttpServer}). No MCP work is done, so its
 * throughput is what wrk, HTTP and that threading allow on this machine; every MCP server's figure can be read
 * against it.
 *
 * <pre>{@code
 * java -cp ... dev.jmcp.bench.CannedServer 18090 echo-response.json catalog-response.json
 * }</pre>
 */
public final class CannedServer {
    private CannedServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[] echo = Files.readAllBytes(Path.of(args[1]));
        byte[] catalog = Files.readAllBytes(Path.of(args[2]));
        var jetty = new Server(new QueuedThreadPool());
        var http = new HttpConfiguration();
        http.setSendServerVersion(false);
        Executor virtualThreads = task -> Thread.ofVirtual().start(task);
        var connector = new ServerConnector(jetty, virtualThreads, null, null, -1, -1, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        jetty.addConnector(connector);
        jetty.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                var body = new ByteArrayOutputStream();
                try (var in = Request.asInputStream(request)) {
                    in.transferTo(body);
                }
                byte[] answer = body.toString().contains("\"catalog\"") ? catalog : echo;
                response.setStatus(200);
                response.getHeaders().put("Content-Type", "application/json");
                response.getHeaders().put("Content-Length", answer.length);
                response.write(true, ByteBuffer.wrap(answer), callback);
                return true;
            }
        });
        jetty.start();
        jetty.join();
    }
}
