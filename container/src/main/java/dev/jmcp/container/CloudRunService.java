package dev.jmcp.container;

import dev.jmcp.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Cloud Run service description: the Knative {@code serving.knative.dev/v1} Service that
 * {@code gcloud run services replace service.yaml} creates or updates.
 *
 * <pre>{@code
 * var service = CloudRunService.fromJson("notes", json.object("googleCloudRun"));   // jmcp.json's section, may be null
 * Files.writeString(Path.of("service.yaml"), service.yaml("us-docker.pkg.dev/p/r/notes@sha256:..."));
 * }</pre>
 *
 * <p>Sessions: stateless unless {@code "sessions": "stateful"}, which also pins {@code maxInstances} to 1, because a
 * 2025 session lives in one process and Cloud Run may send the next request of a session to any instance. The
 * server's own concurrency limit ({@code JMCP_MAX_CONCURRENT_REQUESTS}) is set to the service's
 * {@code containerConcurrency}, so Cloud Run never sends more than the server accepts.
 *
 * @param service        the service name (lower-case letters, digits, '-'; at most 49 characters)
 * @param concurrency    requests one instance serves at once (Cloud Run's default is 80)
 * @param cpu            CPU limit, e.g. "1"
 * @param memory         memory limit, e.g. "512Mi"
 * @param cpuBoost       extra CPU while an instance starts
 * @param minInstances   instances kept warm (0 scales to zero)
 * @param maxInstances   the most instances
 * @param timeoutSeconds how long one request may take
 * @param stateful       whether sessions are kept (then one instance only)
 * @param env            plain environment variables
 * @param secrets        environment variables from Secret Manager: name → "secret" or "secret:version"
 */
public record CloudRunService(String service, int concurrency, String cpu, String memory, boolean cpuBoost,
                              int minInstances, int maxInstances, int timeoutSeconds, boolean stateful,
                              Map<String, String> env, Map<String, String> secrets) {
    private static final Pattern NAME = Pattern.compile("[a-z]([a-z0-9-]{0,47}[a-z0-9])?");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,255}(:([0-9]+|latest))?");
    /** Variables Cloud Run sets itself and rejects in a service description. */
    private static final List<String> RESERVED = List.of("PORT", "K_SERVICE", "K_REVISION", "K_CONFIGURATION");

    public CloudRunService {
        Objects.requireNonNull(service, "service");
        if (!NAME.matcher(service).matches()) {
            throw new IllegalArgumentException("service name \"" + service + "\" must be 1 to 49 lower-case letters, digits or '-', "
                    + "starting with a letter and not ending with '-'");
        }
        if (concurrency < 1 || concurrency > 1000) throw new IllegalArgumentException("concurrency must be 1 to 1000, got " + concurrency);
        if (minInstances < 0) throw new IllegalArgumentException("minInstances < 0: " + minInstances);
        if (maxInstances < 1 || maxInstances < minInstances) {
            throw new IllegalArgumentException("maxInstances must be at least 1 and at least minInstances (" + minInstances + "), got " + maxInstances);
        }
        if (stateful && maxInstances != 1) {
            throw new IllegalArgumentException("stateful sessions live in one process: set maxInstances to 1 (got " + maxInstances
                    + ") or use \"sessions\": \"stateless\"");
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 3600) throw new IllegalArgumentException("timeoutSeconds must be 1 to 3600, got " + timeoutSeconds);
        env = Map.copyOf(env);
        secrets = Map.copyOf(secrets);
        for (String name : concat(env.keySet(), secrets.keySet())) {
            if (!ENV_NAME.matcher(name).matches()) throw new IllegalArgumentException("environment variable name \"" + name + "\" is not valid");
            if (RESERVED.contains(name)) throw new IllegalArgumentException(name + " is set by Cloud Run itself; leave it out of env and secrets");
            if (env.containsKey(name) && secrets.containsKey(name)) throw new IllegalArgumentException(name + " is in both env and secrets");
        }
        for (var s : secrets.entrySet()) {
            if (!SECRET.matcher(s.getValue()).matches()) {
                throw new IllegalArgumentException("secret for " + s.getKey() + " must be \"name\" or \"name:version\", got \"" + s.getValue() + "\"");
            }
        }
    }

    /** The defaults: 80 concurrent requests, 1 CPU, 512 MiB, CPU boost, 0 to 10 instances, stateless. */
    public static CloudRunService defaults(String service) {
        return new CloudRunService(service, 80, "1", "512Mi", true, 0, 10, 300, false, Map.of(), Map.of());
    }

    /** The defaults overridden by jmcp.json's {@code googleCloudRun} section (null: none); unknown keys are errors. */
    public static CloudRunService fromJson(String appName, JsonObject section) {
        var d = defaults(appName);
        if (section == null) return d;
        var known = List.of("service", "concurrency", "cpu", "memory", "cpuBoost", "minInstances", "maxInstances",
                "timeoutSeconds", "sessions", "env", "secrets");
        for (String key : section.members().keySet()) {
            if (!known.contains(key)) throw new IllegalArgumentException("googleCloudRun has no setting \"" + key + "\"; known: " + String.join(", ", known));
        }
        String sessions = str(section, "sessions", "stateless");
        if (!sessions.equals("stateless") && !sessions.equals("stateful")) {
            throw new IllegalArgumentException("googleCloudRun.sessions must be \"stateless\" or \"stateful\", got \"" + sessions + "\"");
        }
        boolean stateful = sessions.equals("stateful");
        return new CloudRunService(str(section, "service", d.service()), num(section, "concurrency", d.concurrency()),
                str(section, "cpu", d.cpu()), str(section, "memory", d.memory()),
                section.has("cpuBoost") ? section.bool("cpuBoost") : d.cpuBoost(),
                num(section, "minInstances", d.minInstances()), num(section, "maxInstances", stateful ? 1 : d.maxInstances()),
                num(section, "timeoutSeconds", d.timeoutSeconds()), stateful, strings(section, "env"), strings(section, "secrets"));
    }

    /** The service description for this image, as YAML. */
    public String yaml(String image) {
        Objects.requireNonNull(image, "image");
        var y = new StringBuilder();
        y.append("# Generated by jmcp. Deploy with: gcloud run services replace service.yaml --region REGION\n");
        y.append("apiVersion: serving.knative.dev/v1\n");
        y.append("kind: Service\n");
        y.append("metadata:\n");
        y.append("  name: ").append(service).append('\n');
        y.append("spec:\n");
        y.append("  template:\n");
        y.append("    metadata:\n");
        y.append("      annotations:\n");
        y.append("        autoscaling.knative.dev/minScale: ").append(quote(Integer.toString(minInstances))).append('\n');
        y.append("        autoscaling.knative.dev/maxScale: ").append(quote(Integer.toString(maxInstances))).append('\n');
        y.append("        run.googleapis.com/startup-cpu-boost: ").append(quote(Boolean.toString(cpuBoost))).append('\n');
        y.append("    spec:\n");
        y.append("      containerConcurrency: ").append(concurrency).append('\n');
        y.append("      timeoutSeconds: ").append(timeoutSeconds).append('\n');
        y.append("      containers:\n");
        y.append("      - image: ").append(quote(image)).append('\n');
        y.append("        ports:\n");
        y.append("        - name: http1\n");
        y.append("          containerPort: ").append(ImageBuilder.PORT).append('\n');
        y.append("        env:\n");
        var all = new LinkedHashMap<String, String>();
        all.put("JMCP_MAX_CONCURRENT_REQUESTS", Integer.toString(concurrency));
        all.put("JMCP_SESSIONS", stateful ? "stateful" : "stateless");
        new java.util.TreeMap<>(env).forEach(all::put);
        all.forEach((name, value) -> y.append("        - name: ").append(name).append('\n')
                .append("          value: ").append(quote(value)).append('\n'));
        new java.util.TreeMap<>(secrets).forEach((name, ref) -> {
            int colon = ref.indexOf(':');
            y.append("        - name: ").append(name).append('\n')
                    .append("          valueFrom:\n")
                    .append("            secretKeyRef:\n")
                    .append("              name: ").append(quote(colon < 0 ? ref : ref.substring(0, colon))).append('\n')
                    .append("              key: ").append(quote(colon < 0 ? "latest" : ref.substring(colon + 1))).append('\n');
        });
        y.append("        resources:\n");
        y.append("          limits:\n");
        y.append("            cpu: ").append(quote(cpu)).append('\n');
        y.append("            memory: ").append(quote(memory)).append('\n');
        y.append("        startupProbe:\n");
        y.append("          httpGet:\n");
        y.append("            path: /health\n");
        y.append("            port: ").append(ImageBuilder.PORT).append('\n');
        y.append("          periodSeconds: 1\n");
        y.append("          timeoutSeconds: 1\n");
        y.append("          failureThreshold: 30\n");
        return y.toString();
    }

    /** A double-quoted YAML scalar: always a string, whatever it looks like. */
    static String quote(String value) {
        var q = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) q.append(String.format("\\x%02x", (int) c));
                    else q.append(c);
                }
            }
        }
        return q.append('"').toString();
    }

    private static String str(JsonObject o, String key, String otherwise) {
        return o.has(key) ? o.string(key) : otherwise;
    }

    private static int num(JsonObject o, String key, int otherwise) {
        return o.has(key) ? o.number(key).intValue() : otherwise;
    }

    private static Map<String, String> strings(JsonObject o, String key) {
        if (!o.has(key)) return Map.of();
        var map = new LinkedHashMap<String, String>();
        JsonObject values = o.object(key);
        for (String name : values.members().keySet()) map.put(name, values.string(name));
        return map;
    }

    private static List<String> concat(java.util.Collection<String> a, java.util.Collection<String> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
