package dev.jmcp.cli;

import java.util.List;

/** The targets jmcp knows, by id. Only targets that work are listed. */
final class DeployTargets {
    static final String DEFAULT = JvmTarget.ID;
    private static final List<DeployTarget> ALL = List.of(new JvmTarget(), new CloudRunTarget(), new WorkersTarget());

    private DeployTargets() {
    }

    /** The target with this id that has the capability {@code verb} needs; else a usage error naming the choices. */
    static <T extends DeployTarget> T require(String id, Class<T> capability, String verb) {
        DeployTarget target = ALL.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(() ->
                new UsageError("unknown target \"" + id + "\"; known targets: " + String.join(", ", ids(DeployTarget.class))));
        if (!capability.isInstance(target)) {
            throw new UsageError("target " + id + " has no `" + verb + "`; targets with `" + verb + "`: "
                    + String.join(", ", ids(capability)));
        }
        return capability.cast(target);
    }

    static List<String> ids(Class<? extends DeployTarget> capability) {
        return ALL.stream().filter(capability::isInstance).map(DeployTarget::id).toList();
    }
}
