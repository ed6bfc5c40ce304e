package partnero.gateway.partnero;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;

/**
 * One request to the gateway asks Partnero the same thing once: the outcome of a call (its data or
 * its failure) is kept for the rest of the request, in the request's Vert.x duplicated context, and
 * given to whoever asks again. A request that the gateway's fast path started and then handed to its
 * general path (because a call failed, say) therefore reports the failure without calling again, and
 * two parts of one request asking the same make one call even with caching off. Outside a request,
 * every call is made.
 */
final class OncePerRequest {

    private static final String KEY = OncePerRequest.class.getName();

    private OncePerRequest() {
    }

    @SuppressWarnings("unchecked")
    static <T> Uni<T> call(Object call, Supplier<Uni<T>> made) {
        if (!VertxContext.isOnDuplicatedContext()) {
            return made.get();
        }
        Map<Object, Uni<?>> calls = ContextLocals.<Map<Object, Uni<?>>> get(KEY).orElse(null);
        if (calls == null) {
            calls = new HashMap<>(2);
            ContextLocals.put(KEY, calls);
        }
        return (Uni<T>) calls.computeIfAbsent(call, key -> made.get().memoize().indefinitely());
    }
}
