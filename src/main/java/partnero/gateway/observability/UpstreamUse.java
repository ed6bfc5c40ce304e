package partnero.gateway.observability;

import java.util.Optional;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;

/**
 * What one GraphQL request took from Partnero: how many calls it made (attempts, retries included;
 * data cache hits are none), for its log line, and when the oldest Partnero data it used was
 * fetched, so that an answer built from it is cached no longer than that data. Kept in the request's
 * Vert.x duplicated context, which the REST client's callbacks share.
 */
public final class UpstreamUse {

    private static final String KEY = UpstreamUse.class.getName();

    /** An answer built from data kept past its ttl because Partnero failed: why, and how old that data is. */
    public record Stale(String reason, long ageSeconds) {
    }

    private int attempts;
    private long oldestDataMillis = Long.MAX_VALUE;
    private String staleReason;
    private long oldestStaleMillis = Long.MAX_VALUE;

    private UpstreamUse() {
    }

    /**
     * A record for the current request, unless it has one: a request that a compiled plan started
     * and handed to the GraphQL engine keeps counting in the same record.
     */
    public static void start() {
        if (VertxContext.isOnDuplicatedContext() && ContextLocals.get(KEY).isEmpty()) {
            ContextLocals.put(KEY, new UpstreamUse());
        }
    }

    /** One more attempt on Partnero for the current request; a no-op outside a request. */
    public static void attempt() {
        current().ifPresent(use -> use.attempts++);
    }

    /** The current request used Partnero data fetched at this time (epoch milliseconds). */
    public static void usedDataFetchedAt(long fetchedAtMillis) {
        current().ifPresent(use -> use.oldestDataMillis = Math.min(use.oldestDataMillis, fetchedAtMillis));
    }

    /**
     * The current request was given data fetched at this time instead of the error {@code reason}
     * (an error code) that fetching it again ended in.
     */
    public static void servedStale(String reason, long fetchedAtMillis) {
        current().ifPresent(use -> {
            use.oldestDataMillis = Math.min(use.oldestDataMillis, fetchedAtMillis);
            if (fetchedAtMillis < use.oldestStaleMillis) {
                use.oldestStaleMillis = fetchedAtMillis;
                use.staleReason = reason;
            }
        });
    }

    /** Whether, and why, the current request used stale data in place of an error; its oldest such data's age. */
    public static Optional<Stale> stale() {
        return current().filter(use -> use.staleReason != null)
                .map(use -> new Stale(use.staleReason, Math.max(0, (System.currentTimeMillis() - use.oldestStaleMillis) / 1000)));
    }

    /** The current request's attempts so far; 0 outside a request. */
    public static int attempts() {
        return current().map(use -> use.attempts).orElse(0);
    }

    /** When the oldest data the current request used was fetched; {@code Long.MAX_VALUE} when it used none. */
    public static long oldestDataMillis() {
        return current().map(use -> use.oldestDataMillis).orElse(Long.MAX_VALUE);
    }

    /** The current request's record; none outside a request (no duplicated Vert.x context), where all of this is a no-op. */
    private static Optional<UpstreamUse> current() {
        return VertxContext.isOnDuplicatedContext() ? ContextLocals.get(KEY) : Optional.empty();
    }
}
