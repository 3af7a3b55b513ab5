package soc.tenants.scope;

import java.util.function.Supplier;

import soc.events.TenantIds;

/**
 * Which tenants the current thread may touch. PostgreSQL row-level security reads it from the connection
 * (see {@link TenantScopedDataSource}), so a forgotten service check still cannot leak another tenant's rows.
 * Unset means no rows at all.
 */
public final class TenantScope {
    /** Provider-side users and system components: every tenant. */
    public static final String ALL_TENANTS = "*";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private TenantScope() {
    }

    /** The current scope: {@link #ALL_TENANTS}, a tenant id, or null for none. */
    public static String current() {
        return CURRENT.get();
    }

    /** Runs work with the given scope, restoring the previous one afterwards. */
    public static <T> T call(String scope, Supplier<T> work) {
        String previous = CURRENT.get();
        CURRENT.set(validate(scope));
        try {
            return work.get();
        } finally {
            restore(previous);
        }
    }

    public static void run(String scope, Runnable work) {
        call(scope, () -> {
            work.run();
            return null;
        });
    }

    /** For request filters: sets the scope until the returned handle is closed. */
    public static Handle open(String scope) {
        String previous = CURRENT.get();
        CURRENT.set(validate(scope));
        return () -> restore(previous);
    }

    private static void restore(String previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    private static String validate(String scope) {
        if (scope == null || ALL_TENANTS.equals(scope)) {
            return scope;
        }
        return TenantIds.requireValid(scope);
    }

    /** Closing restores the scope that was current before {@link #open(String)}. */
    @FunctionalInterface
    public interface Handle extends AutoCloseable {
        @Override
        void close();
    }
}
