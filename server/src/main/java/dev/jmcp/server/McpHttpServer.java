package dev.jmcp.server;

import dev.jmcp.McpServer;
import dev.jmcp.http.EndpointOptions;
import dev.jmcp.http.McpEndpoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.component.Graceful;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Serves an {@link McpServer} over Streamable HTTP on Jetty 12: the MCP endpoint (default {@code /mcp}) and
 * {@code GET /health}.
 *
 * <pre>{@code
 * McpHttpServer http = McpHttpServer.builder(server)
 *     .port(McpHttpServer.portFromEnvironment(8080))   // $PORT on Cloud Run and friends
 *     .host("0.0.0.0")                                 // in a container; the default is 127.0.0.1
 *     .stopOnSigterm()                                 // drain on SIGTERM, then exit 0
 *     .build()
 *     .start();
 * System.err.println("MCP server at " + http.url());
 * http.join();
 * }</pre>
 *
 * <p>Requests run on virtual threads, so a slow tool or a waiting event stream costs no platform thread.
 * {@link #stop()} drains: the listening socket closes at once, {@code /health} answers 503 on connections still
 * open, in-flight requests and streams get {@code drainTimeout} to finish, and then the endpoint is closed and what
 * remains is cut off.
 */
public final class McpHttpServer {
    /** What a request beyond {@link Builder#maxConcurrentRequests} is told to wait before retrying. */
    static final int RETRY_AFTER_SECONDS = 1;
    /** Jetty's system property for {@code MemoryUtils.getReferencesPerCacheLine()}; see {@link #skipJettyJmxProbe}. */
    static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private final String host;
    private final String path;
    private final Duration drainTimeout;
    private final boolean stopOnSigterm;
    private final McpEndpoint endpoint;
    private final JettyMcpHandler mcp;
    private final HealthHandler health = new HealthHandler();
    private final Server jetty;
    private final ServerConnector connector;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Object lifecycle = new Object();
    private boolean started;   // guarded by lifecycle
    private boolean stopping;  // guarded by lifecycle
    private Sigterm sigterm;   // guarded by lifecycle

    private McpHttpServer(Builder b) {
        this.host = b.host;
        this.path = b.options.path();
        this.drainTimeout = b.drainTimeout;
        this.stopOnSigterm = b.stopOnSigterm;
        this.endpoint = McpEndpoint.of(b.server, b.options, JvmEnv.INSTANCE);
        this.mcp = new JettyMcpHandler(endpoint, b.keepAliveInterval, b.streamIdleTimeout);

        skipJettyJmxProbe();
        var threads = new QueuedThreadPool();
        threads.setName("jmcp");
        Executor virtualThreads = virtualThreads();
        threads.setVirtualThreadsExecutor(virtualThreads);
        this.jetty = new Server(threads);

        var http = new HttpConfiguration();
        http.setSendServerVersion(false);   // no version banner for scanners
        var factory = new HttpConnectionFactory(http);
        this.connector = new NonInterruptingConnector(jetty,
                selectorParksVirtualThread(Runtime.version().feature()) ? virtualThreads : null, factory);
        connector.setHost(b.host);
        connector.setPort(b.port);
        // Must outlast the keep-alive interval, or Jetty would time out streams that are merely waiting.
        connector.setIdleTimeout(Math.max(30_000, 2 * b.keepAliveInterval.toMillis()));
        jetty.addConnector(connector);

        // Health sits outside the GracefulHandler: during a drain it must still answer (503), not be rejected.
        Handler endpointChain = b.maxConcurrentRequests > 0
                ? new ConcurrencyLimit(mcp, b.maxConcurrentRequests, RETRY_AFTER_SECONDS) : mcp;
        jetty.setHandler(new Handler.Sequence(health, new GracefulHandler(new RequestTrace(endpointChain))));
        // stop() does the drain itself; this only lets streams it ended write their last bytes.
        jetty.setStopTimeout(Math.min(1000, drainTimeout.toMillis()));
    }

    public static Builder builder(McpServer server) {
        StartupWarmup.begin();
        return new Builder(server);
    }

    /**
     * The port in the {@code PORT} environment variable, as container platforms set it, or {@code defaultPort} when
     * it is unset or blank.
     *
     * @throws IllegalArgumentException when PORT is not a number from 0 to 65535; the message names the value
     */
    public static int portFromEnvironment(int defaultPort) {
        return portFrom(System.getenv("PORT"), defaultPort);
    }

    static int portFrom(String value, int defaultPort) {
        if (value == null || value.isBlank()) return checkPort(defaultPort, "defaultPort");
        int port;
        try {
            port = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PORT must be a number from 0 to 65535, got \"" + value + "\"");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("PORT must be a number from 0 to 65535, got \"" + value + "\"");
        }
        return port;
    }

    /**
     * Binds the port and starts serving; returns this, so {@code build().start()} reads as one step.
     *
     * @throws IllegalStateException when already started or stopped, or when the port cannot be bound
     */
    public McpHttpServer start() {
        synchronized (lifecycle) {
            if (started || stopping) throw new IllegalStateException("McpHttpServer was already " + (stopping ? "stopped" : "started") + "; build a new one");
            started = true;
            try {
                jetty.start();
            } catch (Exception e) {
                stopQuietly();
                throw new IllegalStateException("Cannot listen on " + host + ":" + connector.getPort() + " (" + e.getMessage()
                        + "). Is another process using that port? Choose another with port(...) or the PORT variable.", e);
            }
            if (stopOnSigterm) sigterm = Sigterm.install(this::stop);
        }
        return this;
    }

    /** The port actually bound, which is the one to use when the builder was given port 0. */
    public int port() {
        synchronized (lifecycle) {
            if (!started) throw new IllegalStateException("McpHttpServer is not started; call start() first");
        }
        return connector.getLocalPort();
    }

    /** The MCP endpoint's URL, e.g. {@code http://127.0.0.1:8080/mcp}; a wildcard host is shown as 127.0.0.1. */
    public String url() {
        boolean wildcard = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
        String shown = wildcard ? "127.0.0.1" : host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port() + path;
    }

    /**
     * Drains and stops; returns when everything is closed, within about {@code drainTimeout} plus one second.
     * Safe to call more than once and from any thread; later callers wait for the first to finish.
     */
    public void stop() {
        boolean first;
        boolean wasStarted;
        synchronized (lifecycle) {
            first = !stopping;
            wasStarted = started;
            stopping = true;
            if (first && sigterm != null) sigterm.uninstall();
        }
        if (!first) {
            awaitStopped();
            return;
        }
        try {
            if (wasStarted) {
                health.drain();
                awaitDrained(Graceful.shutdown(jetty));
            }
            endpoint.close();
            mcp.closeStreams();
            if (wasStarted) stopQuietly();
        } finally {
            stopped.countDown();
        }
    }

    /** Blocks until {@link #stop()} has finished, e.g. from {@code main} after {@link #start()}. */
    public void join() throws InterruptedException {
        stopped.await();
    }

    /** Closes the listening socket and waits for in-flight requests, which includes open event streams. */
    private void awaitDrained(CompletableFuture<Void> drained) {
        try {
            drained.get(drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log().log(Level.WARNING, "jmcp: requests still running after the drain timeout of " + drainTimeout + "; closing them");
        } catch (ExecutionException e) {
            log().log(Level.WARNING, "jmcp: graceful shutdown failed; closing what remains", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopQuietly() {
        try {
            jetty.stop();
        } catch (Exception e) {
            log().log(Level.WARNING, "jmcp: stopping Jetty failed", e);
        }
    }

    private void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Configures an {@link McpHttpServer}; every setter checks its argument and names it in the message. */
    public static final class Builder {
        private final McpServer server;
        private int port = 8080;
        private String host = "127.0.0.1";
        private EndpointOptions options = EndpointOptions.defaults();
        private Duration drainTimeout = Duration.ofSeconds(10);
        private Duration keepAliveInterval = JettyMcpHandler.DEFAULT_KEEP_ALIVE;
        private Duration streamIdleTimeout = JettyMcpHandler.DEFAULT_STREAM_IDLE_TIMEOUT;
        private boolean stopOnSigterm;
        private int maxConcurrentRequests;

        private Builder(McpServer server) {
            this.server = Objects.requireNonNull(server, "server");
        }

        /** The TCP port; 0 picks a free one (read it back with {@link McpHttpServer#port()}). Default 8080. */
        public Builder port(int port) {
            this.port = checkPort(port, "port");
            return this;
        }

        /** The address to listen on. Default 127.0.0.1; use "0.0.0.0" in a container. */
        public Builder host(String host) {
            Objects.requireNonNull(host, "host");
            if (host.isBlank()) throw new IllegalArgumentException("host is blank; use \"127.0.0.1\" or \"0.0.0.0\"");
            this.host = host;
            return this;
        }

        /** Path, mode, body limit and allowed hosts of the MCP endpoint. */
        public Builder endpointOptions(EndpointOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /** How long {@link McpHttpServer#stop()} lets in-flight requests and streams finish. Default 10 s. */
        public Builder drainTimeout(Duration drainTimeout) {
            Objects.requireNonNull(drainTimeout, "drainTimeout");
            if (drainTimeout.isNegative()) throw new IllegalArgumentException("drainTimeout < 0: " + drainTimeout);
            this.drainTimeout = drainTimeout;
            return this;
        }

        /** How often a silent event stream gets an SSE comment, so proxies keep it open. Default 15 s. */
        public Builder keepAliveInterval(Duration interval) {
            this.keepAliveInterval = positive(interval, "keepAliveInterval");
            return this;
        }

        /** How long an event stream may wait without progress (e.g. for an elicitation answer). Default 5 min. */
        public Builder streamIdleTimeout(Duration timeout) {
            this.streamIdleTimeout = positive(timeout, "streamIdleTimeout");
            return this;
        }

        /**
         * At most this many MCP requests at once (an open event stream counts until it ends); beyond it a request gets
         * 503 with {@code Retry-After: 1} at once rather than a place in a queue. Default 0: no limit. Set it to the
         * platform's per-instance concurrency, e.g. 80 on Cloud Run.
         */
        public Builder maxConcurrentRequests(int limit) {
            if (limit < 0) throw new IllegalArgumentException("maxConcurrentRequests < 0: " + limit + " (0 means no limit)");
            this.maxConcurrentRequests = limit;
            return this;
        }

        /** On SIGTERM (and Ctrl-C), drain as {@link McpHttpServer#stop()} does; after SIGTERM the JVM exits 0. */
        public Builder stopOnSigterm() {
            this.stopOnSigterm = true;
            return this;
        }

        public McpHttpServer build() {
            return new McpHttpServer(this);
        }
    }

    /**
     * Jetty 12.1's {@code MemoryUtils}, loaded with the first {@code QueuedThreadPool}, asks the platform MBeanServer
     * whether compressed oops are on, only to size padding against false sharing. Starting JMX (which also parses
     * JFR's configuration) cost 100 to 200 ms of every cold start on a 2-core machine. Jetty skips the lookup when its
     * property is set, so we set it first, unless the application already did: 64-byte cache lines hold 16
     * references while oops are compressed, which the JVM does for heaps below 32 GB, else 8.
     */
    static void skipJettyJmxProbe() {
        if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, Runtime.getRuntime().maxMemory() < (32L << 30) ? "16" : "8");
        }
    }

    /**
     * One new virtual thread per task: each request's, and on JDK 25 the connector's selector and acceptor too (see
     * {@link #selectorParksVirtualThread}). Jetty's own {@code VirtualThreads} helper builds the same thing through
     * reflection (it also runs on Java 17), which cost about 10 ms of every cold start; on Java 21 we can say it
     * directly. A plain executor rather than {@code Executors.newThreadPerTaskExecutor}: nothing needs the threads
     * tracked, and Jetty drains requests itself on stop.
     */
    private static Executor virtualThreads() {
        ThreadFactory factory = Thread.ofVirtual().name("jmcp-virtual-", 0).factory();
        return task -> factory.newThread(task).start();
    }

    /**
     * Whether the connector's selector and acceptor run on virtual threads too, beside the requests. In JDK 25 a
     * virtual thread waiting in {@code Selector.select} parks and frees its carrier ({@code EPollSelectorImpl}), so the
     * selector and the requests share the carriers and handing a request over is a virtual-thread switch, not two OS
     * threads taking turns: on one core, about 1.5x the small requests per second and a third off their p99
     * (bench/README.md). Older runtimes, on which we have not checked that the select parks rather than holding its
     * carrier, keep the selector on Jetty's platform thread.
     */
    static boolean selectorParksVirtualThread(int javaFeatureVersion) {
        return javaFeatureVersion >= 25;
    }

    /** Looked up on first use: the logger's service lookup is a cost a cold start need not pay. */
    private static System.Logger log() {
        return System.getLogger("dev.jmcp.server");
    }

    private static int checkPort(int port, String name) {
        if (port < 0 || port > 65535) throw new IllegalArgumentException(name + " must be from 0 to 65535, got " + port);
        return port;
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) throw new IllegalArgumentException(name + " must be positive, got " + value);
        return value;
    }
}
