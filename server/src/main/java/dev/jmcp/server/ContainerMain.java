package dev.jmcp.server;

import dev.jmcp.McpApplication;
import dev.jmcp.McpServer;
import dev.jmcp.http.EndpointOptions;
import dev.jmcp.http.EnvironmentOptions;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The entry point of a jmcp container image (Cloud Run and any platform with the same contract): serves one
 * application on {@code 0.0.0.0:$PORT} until SIGTERM, then drains and exits 0.
 *
 * <pre>{@code
 * java -cp ... dev.jmcp.server.ContainerMain notes dev.jmcp.examples.notes.NotesApp
 * }</pre>
 *
 * <p>Configured by environment variables, all optional:
 * <table>
 *   <tr><td>{@code PORT}</td><td>the port (Cloud Run sets it); default 8080</td></tr>
 *   <tr><td>{@code JMCP_HOST}</td><td>the address to bind; default {@code 0.0.0.0}</td></tr>
 *   <tr><td>{@code JMCP_MAX_CONCURRENT_REQUESTS}</td><td>requests handled at once before 503 + Retry-After;
 *       default 80, Cloud Run's default per-instance concurrency; 0 for no limit</td></tr>
 *   <tr><td>{@code JMCP_DRAIN_TIMEOUT_SECONDS}</td><td>how long in-flight requests get after SIGTERM; default 8,
 *       inside the 10 s Cloud Run waits before it kills the instance</td></tr>
 *   <tr><td>{@code JMCP_SESSIONS}</td><td>{@code stateless} (default) or {@code stateful}: sessions live in one
 *       process, so they are only safe when the platform runs exactly one instance</td></tr>
 *   <tr><td>{@code JMCP_ALLOWED_HOSTS}</td><td>host names (comma-separated, no ports) accepted in {@code Host} and
 *       {@code Origin}, e.g. the service's {@code run.app} name and custom domains; unset, any host is accepted,
 *       because the image cannot know the name it will be reached by</td></tr>
 *   <tr><td>{@code JMCP_LOG_FORMAT}</td><td>{@code json} (default: Cloud Logging's structured lines on stdout)
 *       or {@code text}</td></tr>
 *   <tr><td>{@code GOOGLE_CLOUD_PROJECT}</td><td>the project, so log entries link to their request's trace</td></tr>
 * </table>
 * The application's own settings ({@code JMCP_DATABASE_URL}, {@code JMCP_DATA_DIR}, ...) are read by
 * {@link JvmPlatform} as usual.
 *
 * <p>{@code --train} as the first argument runs the AOT training instead: the same server on a loopback port, a
 * fixed client workload against it ({@link AotTraining}), then a normal exit, at which a JVM started with
 * {@code -XX:AOTCacheOutput} writes its cache.
 */
public final class ContainerMain {
    static final String HOST = "JMCP_HOST";
    static final String MAX_CONCURRENT_REQUESTS = "JMCP_MAX_CONCURRENT_REQUESTS";
    static final String DRAIN_TIMEOUT_SECONDS = "JMCP_DRAIN_TIMEOUT_SECONDS";
    static final String SESSIONS = "JMCP_SESSIONS";
    static final String LOG_FORMAT = "JMCP_LOG_FORMAT";
    static final String ALLOWED_HOSTS = "JMCP_ALLOWED_HOSTS";
    static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 80;
    static final int DEFAULT_DRAIN_TIMEOUT_SECONDS = 8;

    private ContainerMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean train = args.length > 0 && args[0].equals("--train");
        int first = train ? 1 : 0;
        if (args.length - first != 2) {
            System.err.println("usage: ContainerMain [--train] APP_NAME APPLICATION_CLASS");
            System.exit(2);
        }
        StartupWarmup.begin();   // Jetty's class initialisation runs while the application is created
        Map<String, String> env = System.getenv();
        if (!"text".equalsIgnoreCase(env.getOrDefault(LOG_FORMAT, "json").trim())) {
            CloudLogging.install(env.get("GOOGLE_CLOUD_PROJECT"));
        }
        var log = System.getLogger("dev.jmcp.server");
        try {
            if (train) AotTraining.run(args[1], args[2], env);
            else serve(args[0], args[1], env, log);
        } catch (IllegalArgumentException | IllegalStateException | ReflectiveOperationException | ClassCastException e) {
            log.log(Level.ERROR, "jmcp: cannot start " + args[first] + ": " + e.getMessage(), e);
            System.exit(1);
        }
    }

    private static void serve(String appName, String applicationClass, Map<String, String> env, System.Logger log)
            throws ReflectiveOperationException, InterruptedException {
        var platform = new JvmPlatform(appName, env);
        McpHttpServer http = builder(application(applicationClass).create(platform), env).stopOnSigterm().build().start();
        var settings = Settings.from(env);
        log.log(Level.INFO, "jmcp: serving " + appName + " at http://" + settings.host + ":" + http.port()
                + "/mcp (" + settings.mode.name().toLowerCase(Locale.ROOT) + ", at most "
                + (settings.maxConcurrentRequests == 0 ? "unlimited" : settings.maxConcurrentRequests)
                + " concurrent requests, drain " + settings.drainTimeout.toSeconds() + " s)"
                + revision(env));
        http.join();
        platform.close();
    }

    /** The builder every container server starts from; {@link AotTraining} uses it too, so it trains what runs. */
    static McpHttpServer.Builder builder(McpServer server, Map<String, String> env) {
        var settings = Settings.from(env);
        var options = EndpointOptions.builder().mode(settings.mode);
        if (settings.allowedHosts.isEmpty()) options.allowAnyHost();
        else options.allowedHosts(settings.allowedHosts);
        EnvironmentOptions.apply(options, env); // the requestState key every instance must share, 2026-only mode
        return McpHttpServer.builder(server)
                .host(settings.host)
                .port(McpHttpServer.portFrom(env.get("PORT"), 8080))
                .endpointOptions(options.build())
                .maxConcurrentRequests(settings.maxConcurrentRequests)
                .drainTimeout(settings.drainTimeout);
    }

    static McpApplication application(String applicationClass) throws ReflectiveOperationException {
        Class<?> type = Class.forName(applicationClass);
        if (!McpApplication.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(applicationClass + " does not implement dev.jmcp.McpApplication");
        }
        return (McpApplication) type.getDeclaredConstructor().newInstance();
    }

    /** A writable temporary data directory for the training run, so it never touches a real database. */
    static Map<String, String> trainingEnv(Map<String, String> env) throws IOException {
        var copy = new HashMap<>(env);
        copy.remove(JvmPlatform.DATABASE_URL);
        Path dir = Files.createTempDirectory("jmcp-aot-training");
        dir.toFile().deleteOnExit();
        copy.put(JvmPlatform.DATA_DIR, dir.toString());
        copy.put(HOST, "127.0.0.1");
        copy.put("PORT", "0");
        return copy;
    }

    private static String revision(Map<String, String> env) {
        String revision = env.get("K_REVISION");
        return revision == null || revision.isBlank() ? "" : " in revision " + revision;
    }

    /** The container settings read from the environment; each bad value names its variable. */
    record Settings(String host, EndpointOptions.Mode mode, int maxConcurrentRequests, Duration drainTimeout,
                    List<String> allowedHosts) {
        static Settings from(Map<String, String> env) {
            String host = value(env, HOST, "0.0.0.0");
            String sessions = value(env, SESSIONS, "stateless").toLowerCase(Locale.ROOT);
            EndpointOptions.Mode mode = switch (sessions) {
                case "stateless" -> EndpointOptions.Mode.STATELESS;
                case "stateful" -> EndpointOptions.Mode.STATEFUL;
                default -> throw new IllegalArgumentException(SESSIONS + " must be stateless or stateful, got \"" + sessions + "\"");
            };
            int limit = number(env, MAX_CONCURRENT_REQUESTS, DEFAULT_MAX_CONCURRENT_REQUESTS, 0, 100_000);
            int drain = number(env, DRAIN_TIMEOUT_SECONDS, DEFAULT_DRAIN_TIMEOUT_SECONDS, 0, 3600);
            var hosts = new ArrayList<String>();
            for (String h : value(env, ALLOWED_HOSTS, "").split(",")) if (!h.isBlank()) hosts.add(h.strip().toLowerCase(Locale.ROOT));
            return new Settings(host, mode, limit, Duration.ofSeconds(drain), List.copyOf(hosts));
        }

        private static String value(Map<String, String> env, String name, String otherwise) {
            String value = env.get(name);
            return value == null || value.isBlank() ? otherwise : value.trim();
        }

        private static int number(Map<String, String> env, String name, int otherwise, int min, int max) {
            String value = value(env, name, null);
            if (value == null) return otherwise;
            try {
                int n = Integer.parseInt(value);
                if (n >= min && n <= max) return n;
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
            throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", got \"" + value + "\"");
        }
    }
}
