package partnero.gateway.partnero;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import partnero.gateway.observability.UpstreamUse;

/**
 * One cache of Partnero's answers (Caffeine): entries live {@code partnero.cache.ttl} after they were
 * fetched and are bounded by an estimate of the memory they hold, so a heap of a container's size is
 * never filled by them, whatever the pages weigh. Concurrent misses of one key share one call;
 * failures are not kept. Every answer handed out tells the request when it was fetched
 * ({@link UpstreamUse#usedDataFetchedAt}), so that an answer built from it never outlives it.
 * <p>
 * Caffeine directly rather than through Quarkus Cache: the extension's caches can be bounded by entry
 * count only, not by weight. Metrics are Micrometer's Caffeine binder, as Quarkus Cache registers them
 * ({@code cache_gets_total{cache=...}}, {@code cache_size}, ...).
 */
final class DataCache<K, V> {

    /** A value and when it was fetched from Partnero. */
    private record Fetched<V>(V value, long fetchedAtMillis) {
    }

    private final AsyncCache<K, Fetched<V>> cache;

    /**
     * @param maxBytes the memory bound of this cache; with {@code maxEntries}, each entry weighs at least
     *        {@code maxBytes / maxEntries}, so the entry count is bounded too
     * @param weigher an estimate of the bytes a value holds
     */
    DataCache(String name, Duration ttl, long maxBytes, long maxEntries, ToIntFunction<V> weigher, MeterRegistry metrics) {
        int leastWeight = (int) Math.min(Integer.MAX_VALUE, Math.max(1, maxBytes / Math.max(1, maxEntries)));
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumWeight(maxBytes)
                .<K, Fetched<V>> weigher((key, fetched) -> Math.max(leastWeight, fetched.value() == null ? 0 : weigher.applyAsInt(fetched.value())))
                .recordStats()
                .buildAsync();
        CaffeineCacheMetrics.monitor(metrics, cache, name);
    }

    /**
     * The cached value of {@code key}, else what {@code load} fetches (null allowed: "no match" is an
     * answer). A request that waits for another's fetch continues on its own Vert.x context, where its
     * request-scoped state lives, not on the fetching request's.
     */
    Uni<V> get(K key, Supplier<Uni<V>> load) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            CompletableFuture<Fetched<V>> entry = cache.get(key, (k, executor) -> load.get()
                    .map(value -> new Fetched<>(value, System.currentTimeMillis()))
                    .subscribeAsCompletionStage());
            Uni<Fetched<V>> fetched = Uni.createFrom().completionStage(entry);
            if (caller != null && !entry.isDone()) {
                fetched = fetched.emitOn(task -> caller.runOnContext(ignored -> task.run()));
            }
            return fetched.map(answer -> {
                UpstreamUse.usedDataFetchedAt(answer.fetchedAtMillis());
                return answer.value();
            });
        });
    }

    /** Runs pending evictions now (Caffeine runs them on its own schedule otherwise); for tests. */
    void cleanUp() {
        cache.synchronous().cleanUp();
    }

    /** Fetches without caching, and says the data is fresh. */
    static <V> Uni<V> uncached(Supplier<Uni<V>> load) {
        return load.get().invoke(value -> UpstreamUse.usedDataFetchedAt(System.currentTimeMillis()));
    }
}
