package partnero.gateway.request;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import partnero.gateway.apikey.ApiKey;
import partnero.gateway.error.ErrorCode;
import partnero.gateway.error.GatewayException;

/**
 * What one GraphQL operation knows while it runs, in one object that the code passes by hand from the
 * door ({@code engine.GraphQLEndpoint}, which makes it) to the exit ({@code partnero.PartneroClient}):
 * <ul>
 * <li>its Partnero key, resolved and fingerprinted once, at the door;</li>
 * <li>what it took from Partnero: the attempts it made (its log line), when the oldest data it used was
 * fetched (so that an answer built from it lives no longer), and whether stale data stood in for a
 * failure, why and how old (the answer's {@code extensions.stale});</li>
 * <li>its calls, each made once however many fields ask for it: the outcome (data or failure) is
 * kept for the rest of the operation, so that a compiled plan that hands the operation to the
 * engine does not make Partnero answer twice, and a nested field asked for on fifteen customers of
 * three partners calls three times;</li>
 * <li>its calls under way: at most so many at once ({@link #inTurn}), the others queued in order.</li>
 * </ul>
 * Its callbacks usually run on the request's Vert.x context, one at a time; its state is guarded all
 * the same (uncontended locks), as a call's answer may arrive on another thread.
 */
public final class GatewayRequest {

    /** An answer built from data kept past its ttl because Partnero failed: why, and how old that data is. */
    public record Stale(String reason, long ageSeconds) {
    }

    private final Optional<ApiKey> key;
    private final Map<Object, Uni<?>> calls = new HashMap<>(2);
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>(0);
    private int underWay;
    private int attempts;
    private long oldestDataMillis = Long.MAX_VALUE;
    private String staleReason;
    private long oldestStaleMillis = Long.MAX_VALUE;
    private String failedWithoutStaleData;

    /** @param key the key the request resolved to at the door ({@code apikey.ApiKeyResolver}), if any */
    public GatewayRequest(Optional<ApiKey> key) {
        this.key = key;
    }

    /** The request's Partnero key; {@code UNAUTHENTICATED}, before anything is sent, when it has none. */
    public ApiKey key() {
        return key.orElseThrow(() -> GatewayException.of(ErrorCode.UNAUTHENTICATED,
                "No Partnero API key: send 'Authorization: Bearer <key>' or configure PARTNERO_API_KEY on the gateway"));
    }

    /** The request's Partnero key, if it has one. */
    public Optional<ApiKey> keyIfAny() {
        return key;
    }

    /**
     * The outcome of {@code call} (a value that identifies it: its endpoint and arguments), made by
     * {@code made} the first time the request asks, and the same outcome every later time.
     */
    @SuppressWarnings("unchecked")
    public synchronized <T> Uni<T> once(Object call, Supplier<Uni<T>> made) {
        return (Uni<T>) calls.computeIfAbsent(call, ignored -> made.get().memoize().indefinitely());
    }

    /**
     * {@code call}, subscribed when fewer than {@code maxUnderWay} of the request's calls are under
     * way, else when one of them ends (first come, first served). Its outcome, either way.
     */
    public <T> Uni<T> inTurn(int maxUnderWay, Supplier<Uni<T>> call) {
        return Uni.createFrom().emitter(emitter -> {
            Runnable start = () -> Uni.createFrom().<T> deferred(call::get).subscribe().with(
                    value -> {
                        nextInTurn();
                        emitter.complete(value);
                    },
                    failure -> {
                        nextInTurn();
                        emitter.fail(failure);
                    });
            synchronized (this) {
                if (underWay >= maxUnderWay) {
                    waiting.add(start);
                    return;
                }
                underWay++;
            }
            start.run();
        });
    }

    private void nextInTurn() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                underWay--;
            }
        }
        if (next != null) {
            next.run();
        }
    }

    /** One more attempt on Partnero, retries included. */
    public synchronized void attempt() {
        attempts++;
    }

    /** The attempts on Partnero so far. */
    public synchronized int attempts() {
        return attempts;
    }

    /** The request used Partnero data fetched at this time (epoch milliseconds). */
    public synchronized void usedDataFetchedAt(long fetchedAtMillis) {
        oldestDataMillis = Math.min(oldestDataMillis, fetchedAtMillis);
    }

    /** The request was given data fetched at this time instead of the error {@code reason} (an error code). */
    public synchronized void servedStale(String reason, long fetchedAtMillis) {
        usedDataFetchedAt(fetchedAtMillis);
        if (fetchedAtMillis < oldestStaleMillis) {
            oldestStaleMillis = fetchedAtMillis;
            staleReason = reason;
        }
    }

    /**
     * A call failed with {@code reason} (an error code stale data may stand in for: Partnero's trouble)
     * and no stale data stood in for it; the first such reason is kept.
     */
    public synchronized void failedWithoutStaleData(String reason) {
        if (failedWithoutStaleData == null) {
            failedWithoutStaleData = reason;
        }
    }

    /** Why a call failed with no stale data to stand in for it, if one did: then a whole stale answer may. */
    public synchronized Optional<String> failedWithoutStaleData() {
        return Optional.ofNullable(failedWithoutStaleData);
    }

    /** When the oldest data the request used was fetched; {@code Long.MAX_VALUE} when it used none. */
    public synchronized long oldestDataMillis() {
        return oldestDataMillis;
    }

    /** Whether, and why, the request used stale data in place of an error; its oldest such data's age. */
    public synchronized Optional<Stale> stale() {
        return staleReason == null ? Optional.empty()
                : Optional.of(new Stale(staleReason, Math.max(0, (System.currentTimeMillis() - oldestStaleMillis) / 1000)));
    }
}
