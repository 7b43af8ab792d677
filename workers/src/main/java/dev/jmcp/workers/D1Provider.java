package dev.jmcp.workers;

import dev.jmcp.SqlDatabase;

import java.util.Optional;

/**
 * The Workers runtime's {@link SqlDatabase}: the D1 database bound as {@code DB}, or under the name in the var
 * {@value #BINDING_VAR}. None when the Worker has no such D1 binding; then
 * {@code platform.require(SqlDatabase.class)} fails naming the type and the runtime.
 */
public final class D1Provider implements FacilityProvider<SqlDatabase> {
    /** The var naming the D1 binding, when it is not {@value #DEFAULT_BINDING}. */
    public static final String BINDING_VAR = "JMCP_D1_BINDING";
    public static final String DEFAULT_BINDING = "DB";

    @Override
    public Class<SqlDatabase> type() {
        return SqlDatabase.class;
    }

    @Override
    public Optional<SqlDatabase> create(WorkersPlatform platform) {
        if (platform.bindings() == null) return Optional.empty();
        return D1Database.of(platform.bindings(), platform.bindingName(BINDING_VAR, DEFAULT_BINDING)).map(SqlDatabase.class::cast);
    }
}
