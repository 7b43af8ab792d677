package dev.jmcp.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.jmcp.Shared;
import org.crac.Core;
import org.crac.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * The managed Java runtime's entry point (java21, java25): handler {@code dev.jmcp.lambda.McpRequestHandler::handleRequest}.
 * The runtime creates it once per instance, during init, and that is when the application is made
 * ({@link LambdaInstance#fromEnvironment}); each invocation then parses its HTTP event with core's JSON codec (the
 * runtime's own reflective event binding is bypassed: this is a stream handler) and writes the response event.
 *
 * <p><b>SnapStart.</b> The handler registers with {@code org.crac}. Before the snapshot it primes the instance (see
 * {@link Priming}: server/discover and tools/list through the whole path, so their classes are loaded, linked and
 * partly compiled in the snapshot) and closes the shared resources (connections must not be cloned into every
 * restored copy); after restore it opens the same resources again, before the first request arrives.
 *
 * <p>A malformed or non-HTTP event fails that invocation with {@link InvalidEventException} (the runtime reports its
 * message as the error); the instance goes on serving.
 */
public final class McpRequestHandler implements RequestStreamHandler, Resource {
    /** Used when there is no Context (tests, tools): Lambda's longest timeout. */
    private static final long NO_DEADLINE_MILLIS = 900_000;

    private final LambdaInstance instance;
    private List<Shared<?>> releasedForSnapshot = List.of();

    public McpRequestHandler() {
        this(LambdaInstance.fromEnvironment(System.getenv()));
        Core.getGlobalContext().register(this);
        // Lambda sends SIGTERM before it ends an instance only when an extension is registered; the hook closes
        // connections cleanly then, and costs nothing otherwise.
        Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "jmcp-lambda-shutdown"));
    }

    McpRequestHandler(LambdaInstance instance) {
        this.instance = instance;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] event = input.readAllBytes();
        long remaining = context == null ? NO_DEADLINE_MILLIS : context.getRemainingTimeInMillis();
        if (remaining <= 0) remaining = NO_DEADLINE_MILLIS;   // an emulator that sends no deadline
        output.write(instance.endpoint().invoke(event, System.currentTimeMillis() + remaining));
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        int primed = instance.prime();
        releasedForSnapshot = instance.releaseForSnapshot();
        LambdaInstance.log(Level.INFO, "jmcp: primed " + instance.name() + " for the snapshot (" + primed + " of "
                + Priming.events().size() + " priming requests answered 2xx); closed " + releasedForSnapshot.size() + " shared resources", null);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        instance.reopen(releasedForSnapshot);
    }

    LambdaInstance instance() {
        return instance;
    }
}
