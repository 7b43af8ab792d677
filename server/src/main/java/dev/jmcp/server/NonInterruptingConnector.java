package dev.jmcp.server;

import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.util.concurrent.Executor;

/**
 * Jetty's {@link ServerConnector}, except that its acceptor is stopped by closing the listening socket instead of by
 * interrupting the acceptor thread.
 *
 * <p>Why: when the interrupt lands while an accept completes, the JDK (seen on 25) throws
 * {@code ClosedByInterruptException} and never closes the socket it had just accepted, nor hands it to anyone. The
 * client that connected at that moment, as a server stops, then waits on an open connection for as long as the JVM
 * lives. Closing the channel wakes a blocked accept too, and an accept that completes meanwhile returns its socket,
 * which Jetty serves or closes like any other. The one wait an interrupt would still be needed for, an acceptor paused
 * by {@code setAccepting(false)}, never happens: nothing here pauses accepting.
 */
final class NonInterruptingConnector extends ServerConnector {
    NonInterruptingConnector(Server server, Executor executor, ConnectionFactory factory) {
        super(server, executor, null, null, -1, -1, factory);
    }

    @Override
    protected void interruptAcceptors() {
        if (getTransport() instanceof ServerSocketChannel listening) {
            try {
                listening.close();
            } catch (IOException ignored) {
                // Closing a listening socket fails only when it is already unusable, which is what we want here.
            }
        }
    }

    /** An accept that failed because the socket was closed to stop the acceptor ends the acceptor's loop. */
    @Override
    protected boolean handleAcceptFailure(Throwable failure) {
        return isOpen() && super.handleAcceptFailure(failure);
    }
}
