package partnero.gateway.observability;

import java.util.concurrent.atomic.AtomicInteger;

import io.smallrye.common.vertx.ContextLocals;

/**
 * Counts the Partnero calls (attempts, retries included; cache hits are none) that one GraphQL
 * request causes, for its log line. The count lives in the request's Vert.x duplicated context,
 * which the REST client's callbacks share.
 */
public final class UpstreamCalls {

    private static final String KEY = UpstreamCalls.class.getName();

    private UpstreamCalls() {
    }

    /** A new count for the current request. */
    public static void start() {
        ContextLocals.put(KEY, new AtomicInteger());
    }

    /** One more attempt on Partnero for the current request; a no-op outside a request. */
    public static void increment() {
        ContextLocals.<AtomicInteger> get(KEY).ifPresent(AtomicInteger::incrementAndGet);
    }

    /** The current request's count so far; 0 outside a request. */
    public static int count() {
        return ContextLocals.<AtomicInteger> get(KEY).map(AtomicInteger::get).orElse(0);
    }
}
