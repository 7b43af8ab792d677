package dev.jmcp.workers;

import dev.jmcp.KeyValueCache;

import java.util.Optional;

/**
 * The Workers runtime's {@link KeyValueCache}: the KV namespace bound as {@code CACHE}, or under the name in the var
 * {@value #BINDING_VAR}. None when the Worker has no such KV binding; then
 * {@code platform.require(KeyValueCache.class)} fails naming the type and the runtime.
 */
public final class KvProvider implements FacilityProvider<KeyValueCache> {
    /** The var naming the KV binding, when it is not {@value #DEFAULT_BINDING}. */
    public static final String BINDING_VAR = "JMCP_KV_BINDING";
    public static final String DEFAULT_BINDING = "CACHE";

    @Override
    public Class<KeyValueCache> type() {
        return KeyValueCache.class;
    }

    @Override
    public Optional<KeyValueCache> create(WorkersPlatform platform) {
        if (platform.bindings() == null) return Optional.empty();
        return KvCache.of(platform.bindings(), platform.bindingName(BINDING_VAR, DEFAULT_BINDING)).map(KeyValueCache.class::cast);
    }
}
