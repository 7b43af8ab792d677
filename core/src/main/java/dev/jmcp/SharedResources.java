package dev.jmcp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-instance store behind {@link Platform#shared}, for runtime authors: each runtime's Platform keeps one and
 * closes it when the instance ends. Safe for concurrent use; a resource is created once even when two requests ask
 * for it at the same time (the second waits for the first).
 *
 * <pre>{@code
 * private final SharedResources shared = new SharedResources();
 * public <T> T shared(Shared<T> resource) { return shared.get(resource, this); }
 * public void close() { shared.close(); }
 * }</pre>
 */
public final class SharedResources implements AutoCloseable {
    private final Map<Shared<?>, Object> created = new HashMap<>();
    private final List<Shared<?>> order = new ArrayList<>();
    private final List<Shared<?>> creating = new ArrayList<>();
    private boolean closed;

    /** The resource, created now with {@code platform} if this is its first use. */
    public synchronized <T> T get(Shared<T> resource, Platform platform) {
        if (closed) throw new IllegalStateException("cannot use shared resource \"" + resource.name() + "\": the instance is shutting down");
        Object existing = created.get(resource);
        @SuppressWarnings("unchecked") T found = (T) existing;
        if (found != null) return found;
        if (creating.contains(resource)) {
            throw new IllegalStateException("shared resource \"" + resource.name() + "\" needs itself while it is being created ("
                    + names(creating) + ")");
        }
        creating.add(resource);
        try {
            T made = resource.factory().create(platform);
            if (made == null) throw new IllegalStateException("the factory of shared resource \"" + resource.name() + "\" returned null");
            created.put(resource, made);
            order.add(resource);
            return made;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot create shared resource \"" + resource.name() + "\": " + e.getMessage(), e);
        } finally {
            creating.remove(resource);
        }
    }

    /** Whether the resource exists now (it has been used and not released since). */
    public synchronized boolean isCreated(Shared<?> resource) {
        return created.containsKey(resource);
    }

    /** The resources that exist now, in the order they were created. */
    public synchronized List<Shared<?>> createdResources() {
        return List.copyOf(order);
    }

    /**
     * Closes every resource, newest first, and forgets them: the next use creates them again. For a runtime about
     * to be snapshotted (open sockets must not end up in the snapshot). Answers the failures, which do not stop the
     * others from being closed.
     */
    public synchronized List<Exception> release() {
        var failures = new ArrayList<Exception>();
        for (int i = order.size() - 1; i >= 0; i--) {
            Object value = created.get(order.get(i));
            if (value instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    failures.add(new IllegalStateException("closing shared resource \"" + order.get(i).name() + "\" failed: " + e.getMessage(), e));
                }
            }
        }
        created.clear();
        order.clear();
        return failures;
    }

    /** Releases everything and refuses later use; the first failure is thrown after all were tried. Idempotent. */
    @Override
    public void close() {
        List<Exception> failures;
        synchronized (this) {
            if (closed) return;
            failures = release();
            closed = true;
        }
        if (!failures.isEmpty()) {
            var first = new IllegalStateException(failures.get(0).getMessage(), failures.get(0).getCause());
            for (int i = 1; i < failures.size(); i++) first.addSuppressed(failures.get(i));
            throw first;
        }
    }

    private static String names(List<Shared<?>> resources) {
        var text = new StringBuilder();
        for (Shared<?> r : resources) text.append(text.isEmpty() ? "" : " -> ").append(r.name());
        return text.toString();
    }
}
