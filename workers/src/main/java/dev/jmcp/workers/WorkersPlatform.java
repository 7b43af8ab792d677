package dev.jmcp.workers;

import dev.jmcp.Platform;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Workers runtime offers an application: configuration from the Worker's string vars and secrets
 * ({@code env.NAME}), and facilities made by {@link FacilityProvider}s from the Worker's bindings (the {@code env}
 * object itself, e.g. a D1 or KV binding). A facility with no provider is absent, so
 * {@code platform.require(SqlDatabase.class)} fails with a message naming the type and this runtime.
 */
public final class WorkersPlatform implements Platform {
    public static final String RUNTIME = "cloudflare-workers";

    private final Map<String, String> config;
    private final JSObject bindings;
    private final List<FacilityProvider<?>> providers;
    private final Map<Class<?>, Optional<?>> made = new HashMap<>();

    /**
     * @param config    the Worker's string vars and secrets
     * @param bindings  the Worker's {@code env} object, or null where there is none (tests on the JVM)
     * @param providers at most one per facility type
     */
    public WorkersPlatform(Map<String, String> config, JSObject bindings, List<FacilityProvider<?>> providers) {
        // not Map.copyOf: TeaVM's copy of an empty map divides by zero in get(), which traps on wasm
        this.config = Collections.unmodifiableMap(new HashMap<>(Objects.requireNonNull(config, "config")));
        this.bindings = bindings;
        this.providers = List.copyOf(providers);
        for (int i = 0; i < this.providers.size(); i++) {
            for (int j = i + 1; j < this.providers.size(); j++) {
                if (this.providers.get(i).type() == this.providers.get(j).type()) {
                    throw new IllegalArgumentException("two providers for " + this.providers.get(i).type().getName());
                }
            }
        }
    }

    @Override
    public String runtime() {
        return RUNTIME;
    }

    @Override
    public Optional<String> config(String name) {
        return Optional.ofNullable(config.get(name));
    }

    /** The Worker's {@code env} object, where facility providers find their bindings; null on the JVM. */
    public JSObject bindings() {
        return bindings;
    }

    /** The binding {@code env[name]} of a Worker's {@code env} object, for facility providers. */
    @JSBody(params = {"env", "name"}, script = "return env[name];")
    static native JSObject binding(JSObject env, String name);

    /** The binding name the var {@code nameVar} gives (blank counts as unset), else {@code defaultName}. */
    public String bindingName(String nameVar, String defaultName) {
        return config(nameVar).map(String::strip).filter(n -> !n.isEmpty()).orElse(defaultName);
    }

    @Override
    public <T> Optional<T> facility(Class<T> type) {
        Optional<?> known = made.get(type);
        if (known == null) {
            known = Optional.empty();
            for (FacilityProvider<?> provider : providers) {
                if (provider.type() == type) {
                    known = provider.create(this);
                    break;
                }
            }
            made.put(type, known);
        }
        return known.map(type::cast);
    }
}
