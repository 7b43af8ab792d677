package dev.jmcp.cli;

import dev.jmcp.container.BuiltImage;
import dev.jmcp.container.CloudRunService;
import dev.jmcp.container.ImageBuildException;
import dev.jmcp.container.ImageBuilder;
import dev.jmcp.container.ImageSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Google Cloud Run: the application as an OCI image (built by {@link ImageBuilder}, no Docker) that serves
 * {@code 0.0.0.0:$PORT}, plus the Knative service description {@code gcloud run services replace} takes. Locally,
 * {@code jmcp dev} runs that very image under podman.
 */
final class CloudRunTarget implements DeployTarget.Builds, DeployTarget.Serves {
    static final String ID = "google-cloud-run";
    private static final int READY_TIMEOUT_SECONDS = 60;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> check() {
        return HostJdk.problems("the image's runtime and AOT cache",
                "images are built from this machine's JDK and glibc, so it must be Linux x86-64 (Cloud Run's platform)");
    }

    @Override
    public void build(Project project, BuildOptions options, PrintWriter out, PrintWriter err) {
        requireReady(check());
        CloudRunService service = service(project);
        BuiltImage image = buildImage(project, options, err);
        Path yaml = workDir(project).resolve("service.yaml");
        String reference = image.pushed() ? withoutTag(image.reference()) + "@" + image.digest()
                : withoutTag(image.reference()) + "@" + image.digest();
        try {
            Files.writeString(yaml, service.yaml(reference));
        } catch (IOException e) {
            throw new Failure("cannot write " + yaml + ": " + e.getMessage(), e);
        }
        if (image.pushed()) out.println("image: " + image.reference() + " (pushed)");
        else out.println("image: " + image.tarball() + " (" + image.reference() + ")");
        var layers = new StringBuilder();
        for (var layer : image.layers()) layers.append(layers.isEmpty() ? "" : ", ").append(layer.name()).append(' ').append(mb(layer.bytes()));
        out.println("size: " + (image.pushed() ? "" : mb(image.tarballBytes()) + " MB tarball (gzipped layers), ")
                + mb(image.uncompressedBytes()) + " MB unpacked (" + layers + ")");
        out.println("digest: " + image.digest());
        out.println("service: " + yaml + (image.pushed() ? "" : " (names the local image; push it with --push REGISTRY/PATH/"
                + project.name() + " before `gcloud run services replace`)"));
        out.flush();
    }

    @Override
    public int serve(Project project, DevOptions options, PrintWriter out, PrintWriter err) {
        requireReady(check());
        if (!Podman.installed()) {
            throw new Failure("podman is not installed; run scripts/podman.sh (Debian: apt-get install podman runc)");
        }
        CloudRunService service = service(project);
        int port = options.port() == 0 ? LocalProcesses.freePort() : options.port();
        BuiltImage image = buildImage(project, new BuildOptions(null, true), err);
        String previous = imageId(image.reference());
        run("podman load", Podman.command("load", "-q", "-i", image.tarball().toString()), err);
        // The tag moved to the new image; the old one would stay behind untagged with every run.
        if (previous != null && !previous.equals(imageId(image.reference()))) runQuietly(Podman.command("rmi", previous));
        String name = "jmcp-dev-" + project.name() + "-" + port;
        runQuietly(Podman.command("rm", "-f", "-i", name));   // left over from a run that was killed
        var command = new ArrayList<>(Podman.command("run", "--rm", "--name", name, "--network", "host"));
        command.addAll(Podman.ulimits());
        command.addAll(List.of("--memory", podmanMemory(service.memory()), "--cpus", service.cpu()));
        command.addAll(List.of("-e", "PORT=" + port, "-e", "JMCP_HOST=" + options.host(),
                "-e", "JMCP_MAX_CONCURRENT_REQUESTS=" + service.concurrency(),
                "-e", "JMCP_SESSIONS=" + (service.stateful() ? "stateful" : "stateless"),
                // Locally the server is reached by these names only, so the DNS-rebinding check can be on (on Cloud Run
                // it is on once JMCP_ALLOWED_HOSTS names the service's host; see ContainerMain).
                "-e", "JMCP_ALLOWED_HOSTS=localhost,127.0.0.1," + options.host()));
        for (var env : service.env().entrySet()) command.addAll(List.of("-e", env.getKey() + "=" + env.getValue()));
        for (String passed : List.of("JMCP_DATABASE_URL", "JMCP_DATABASE_USER", "JMCP_DATABASE_PASSWORD", "GOOGLE_CLOUD_PROJECT",
                "JMCP_DRAIN_TIMEOUT_SECONDS", "JDK_JAVA_OPTIONS")) {
            if (System.getenv(passed) != null) command.addAll(List.of("-e", passed));
        }
        if (!service.secrets().isEmpty()) {
            err.println("jmcp dev: secrets are not available locally; set these variables yourself if the app needs them: "
                    + String.join(", ", service.secrets().keySet()));
        }
        command.add(image.reference());
        err.println("jmcp dev: " + String.join(" ", command));
        err.flush();
        Process container;
        try {
            container = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new Failure("cannot run podman: " + e.getMessage(), e);
        }
        container.getOutputStream();
        Thread.ofPlatform().daemon().name("jmcp-container-log").start(() -> LocalProcesses.copyLines(container.getInputStream(), err));
        Thread stopper = new Thread(() -> runQuietly(Podman.command("stop", "-t", "12", name)), "jmcp-container-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        String base = "http://" + (options.host().equals("0.0.0.0") ? "127.0.0.1" : options.host()) + ":" + port;
        awaitHealthy(base + "/health", container);
        DevCommand.printConnectionHelp(out, project, " in a " + ID + " container (" + image.reference() + ")", base + "/mcp");
        return LocalProcesses.awaitExit(container, stopper, "the container", err);
    }

    private BuiltImage buildImage(Project project, BuildOptions options, PrintWriter err) {
        err.println("jmcp: building " + project.dir() + " for " + ID);
        err.flush();
        List<Path> classpath = project.compile();
        var spec = new ImageSpec(project.name(), project.applicationClass(), classpath,
                Path.of(System.getProperty("java.home")), workDir(project), cacheDir(),
                "localhost/jmcp/" + project.name() + ":latest", options.pushTo(), options.aot(), line -> {
                    err.println("jmcp: " + line);
                    err.flush();
                });
        long start = System.nanoTime();
        try {
            BuiltImage image = new ImageBuilder().build(spec);
            err.println("jmcp: image built in " + (System.nanoTime() - start) / 1_000_000 + " ms");
            err.flush();
            return image;
        } catch (ImageBuildException e) {
            throw new Failure(e.getMessage(), e);
        }
    }

    private static CloudRunService service(Project project) {
        try {
            return CloudRunService.fromJson(project.name(), project.settings().optObject("googleCloudRun"));
        } catch (IllegalArgumentException e) {
            throw new UsageError(project.dir().resolve("jmcp.json") + ": " + e.getMessage());
        }
    }

    static Path workDir(Project project) {
        return project.dir().resolve("target/jmcp").resolve(ID);
    }

    /** {@code $JMCP_CACHE_DIR}, else {@code $XDG_CACHE_HOME/jmcp}, else {@code ~/.cache/jmcp}. */
    static Path cacheDir() {
        String explicit = System.getenv("JMCP_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) return Path.of(explicit);
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "jmcp");
        return Path.of(System.getProperty("user.home"), ".cache", "jmcp");
    }

    private static void requireReady(List<String> problems) {
        if (!problems.isEmpty()) throw new Failure("the " + ID + " target cannot run here: " + String.join("; ", problems));
    }

    private static void awaitHealthy(String url, Process container) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!container.isAlive()) throw new Failure("the container exited with " + container.exitValue() + " before it served; see its log above");
            try {
                var connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(1000);
                if (connection.getResponseCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failure("interrupted while waiting for the container");
            }
        }
        container.destroy();
        throw new Failure("the container did not answer " + url + " within " + READY_TIMEOUT_SECONDS + " s");
    }

    private static void run(String what, List<String> command, PrintWriter err) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) throw new Failure(what + " failed (exit " + p.exitValue() + "): " + output.strip());
            if (!output.isBlank()) err.println("jmcp: " + output.strip());
        } catch (IOException e) {
            throw new Failure("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(what + " was interrupted");
        }
    }

    /** The id of the local image with this name, or null. */
    private static String imageId(String reference) {
        try {
            Process p = new ProcessBuilder(Podman.command("image", "inspect", "--format", "{{.Id}}", reference))
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 && output.matches("[0-9a-f]{64}") ? output : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void runQuietly(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            // best effort
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kubernetes quantities (512Mi, 1Gi) as podman's --memory values (512m, 1g). */
    static String podmanMemory(String quantity) {
        if (quantity.endsWith("Mi")) return quantity.substring(0, quantity.length() - 2) + "m";
        if (quantity.endsWith("Gi")) return quantity.substring(0, quantity.length() - 2) + "g";
        return quantity;
    }

    static String withoutTag(String reference) {
        int slash = reference.lastIndexOf('/');
        int colon = reference.lastIndexOf(':');
        return colon > slash ? reference.substring(0, colon) : reference;
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1_000_000.0);
    }
}
