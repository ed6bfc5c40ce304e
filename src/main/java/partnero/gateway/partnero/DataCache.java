package partnero.gateway.partnero;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import partnero.gateway.codec.SharedEntries;
import partnero.gateway.error.ErrorCode;
import partnero.gateway.error.GatewayException;
import partnero.gateway.error.InternalFailures;
import partnero.gateway.request.GatewayRequest;
import partnero.gateway.shared.SharedStore;

/**
 * One cache of Partnero's answers. In this process, Caffeine: entries bounded by an estimate of the
 * memory they hold, so that a container's heap is never filled by them whatever the pages weigh;
 * concurrent misses of one key share one call; failures are not kept. With the Redis backend
 * ({@link SharedStore}), a second level shared by every replica: a miss here reads Redis before it
 * calls Partnero, and what Partnero answers is written there for the others.
 * <p>
 * An entry is fresh for {@code partnero.cache.ttl} after it was fetched (wherever it was fetched: one
 * read from Redis keeps the life it had left, never a new one). After that:
 * <ul>
 * <li>within {@code partnero.cache.stale-while-revalidate}, it is answered at once while one call
 * (per entry here, and per entry across replicas with Redis, which one of them claims) refreshes it;</li>
 * <li>otherwise the request waits for that call; if Partnero is unavailable, times out, rate-limits
 * the gateway or its breaker is open, and the entry is within {@code partnero.cache.stale-if-error},
 * the entry is served instead of the error and the request is told ({@link GatewayRequest#servedStale}).
 * Errors the request caused (a bad key, say) are never hidden that way. A request that waits may find
 * a background refresh of the entry under way and wait for it too; when that one turns out to be
 * another replica's to make, the request fetches for itself.</li>
 * </ul>
 * A failure that is none of the gateway's error codes (a bug) never leaves this cache as it is: it is
 * logged, counted and becomes {@code UPSTREAM_UNAVAILABLE} ({@link InternalFailures}), and stale data
 * stands in for it as for Partnero's own failures; a background refresh that fails so is logged too.
 * Every value handed out tells the request when it was fetched ({@link GatewayRequest#usedDataFetchedAt}),
 * so that an answer built from it never outlives it.
 * <p>
 * Caffeine directly rather than through Quarkus Cache: the extension's caches can be bounded by entry
 * count only, not by weight, and give every entry the same life. Metrics are Micrometer's Caffeine
 * binder, as Quarkus Cache registers them ({@code cache_gets_total{cache=...}}, {@code cache_size}, ...).
 */
final class DataCache<K, V> {

    /** Calls Partnero for a value; told whether stale data could stand in, so that a rate-limited call need not wait. */
    interface Loader<V> {
        Uni<V> load(boolean staleAtHand);
    }

    /** The failures stale data may stand in for: Partnero's trouble, not the request's. */
    static final Set<ErrorCode> AVOIDABLE = EnumSet.of(ErrorCode.UPSTREAM_UNAVAILABLE, ErrorCode.UPSTREAM_TIMEOUT,
            ErrorCode.RATE_LIMITED);
    /** Where an internal failure happened, for its log line and metric. */
    private static final String WHERE = "data-cache";

    /**
     * A value, when it was fetched from Partnero, whether it was read from the shared backend rather
     * than Partnero, and the one call that is bringing it up to date, if any.
     */
    private static final class Fetched<V> {
        final V value;
        final long fetchedAtMillis;
        final boolean shared;
        final AtomicReference<Refresh<V>> refresh = new AtomicReference<>();

        Fetched(V value, long fetchedAtMillis, boolean shared) {
            this.value = value;
            this.fetchedAtMillis = fetchedAtMillis;
            this.shared = shared;
        }

        /** Whether the request that loaded it may use it as it is: it came from Partnero for that request. */
        boolean justFetched(boolean loadedHere) {
            return loadedHere && !shared;
        }
    }

    /**
     * The call bringing an entry up to date. A background one (within stale-while-revalidate) calls
     * Partnero only if this replica claims the entry; a request that must wait for new data does not
     * take "another replica has it" for an answer.
     */
    private record Refresh<V>(CompletableFuture<Fetched<V>> result, boolean background) {
    }

    /**
     * A background refresh's outcome when another replica claimed the entry: this one keeps serving
     * what it has. Never a request's answer: a request that joined such a refresh fetches for itself.
     */
    private static final class RefreshedElsewhere extends RuntimeException {
        RefreshedElsewhere() {
            super("refreshed by another replica", null, false, false);
        }
    }

    /**
     * The outcome of a first fetch that Partnero failed, when Redis, read again, holds the entry after
     * all (its first read failed or timed out: a replica just started, Redis paused): the copy stands in
     * for the failure, for the request that fetched and those that waited for it. Not kept in memory:
     * the next request reads Redis again and tries Partnero as usual.
     */
    private static final class SecondLook extends RuntimeException {
        final transient Fetched<?> copy;
        final GatewayException failure;

        SecondLook(Fetched<?> copy, GatewayException failure) {
            super("stood in for by the shared copy", null, false, false);
            this.copy = copy;
            this.failure = failure;
        }
    }

    /**
     * How entries travel through Redis: the kind of entry (for the log), its key and its refresh claim's
     * key ({@link partnero.gateway.codec.RedisKeys}), the value's type and its check, how long a claim holds.
     */
    record Sharing<K, V>(SharedStore store, String kind, Function<K, String> key, Function<K, String> claimKey, ObjectMapper json,
            JavaType type, UnaryOperator<V> check, Duration claimFor) {
    }

    private final AsyncCache<K, Fetched<V>> cache;
    private final long ttlMillis;
    private final long swrMillis;
    private final long sieMillis;
    private final long keepMillis;
    private final Sharing<K, V> sharing;
    private final InternalFailures internal;
    private final LongSupplier clock;

    /**
     * @param maxBytes the memory bound of this cache; with {@code maxEntries}, each entry weighs at least
     *        {@code maxBytes / maxEntries}, so the entry count is bounded too
     * @param weigher an estimate of the bytes a value holds
     */
    DataCache(String name, Duration ttl, Duration staleWhileRevalidate, Duration staleIfError, long maxBytes, long maxEntries,
            ToIntFunction<V> weigher, Sharing<K, V> sharing, InternalFailures internal, MeterRegistry metrics) {
        this(name, ttl, staleWhileRevalidate, staleIfError, maxBytes, maxEntries, weigher, sharing, internal, metrics,
                System::currentTimeMillis);
    }

    /** With a clock of its own (epoch milliseconds), for tests of entries' lives; {@code sharing} may be null. */
    DataCache(String name, Duration ttl, Duration staleWhileRevalidate, Duration staleIfError, long maxBytes, long maxEntries,
            ToIntFunction<V> weigher, Sharing<K, V> sharing, InternalFailures internal, MeterRegistry metrics, LongSupplier clock) {
        this.clock = clock;
        this.internal = internal;
        this.ttlMillis = ttl.toMillis();
        this.swrMillis = staleWhileRevalidate.toMillis();
        this.sieMillis = staleIfError.toMillis();
        this.keepMillis = ttlMillis + Math.max(swrMillis, sieMillis);
        this.sharing = sharing != null && sharing.store().enabled() ? sharing : null;
        int leastWeight = (int) Math.min(Integer.MAX_VALUE, Math.max(1, maxBytes / Math.max(1, maxEntries)));
        this.cache = Caffeine.newBuilder()
                .expireAfter(new Expiry<K, Fetched<V>>() {
                    @Override
                    public long expireAfterCreate(K key, Fetched<V> fetched, long currentTime) {
                        return lifeLeftNanos(fetched);
                    }

                    @Override
                    public long expireAfterUpdate(K key, Fetched<V> fetched, long currentTime, long currentDuration) {
                        return lifeLeftNanos(fetched);
                    }

                    @Override
                    public long expireAfterRead(K key, Fetched<V> fetched, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.getAsLong()))
                .maximumWeight(maxBytes)
                .<K, Fetched<V>> weigher((key, fetched) -> Math.max(leastWeight, fetched.value == null ? 0 : weigher.applyAsInt(fetched.value)))
                .recordStats()
                .buildAsync();
        CaffeineCacheMetrics.monitor(metrics, cache, name);
    }

    /**
     * The cached value of {@code key}, else what {@code loader} fetches (null allowed: "no match" is an
     * answer). A request that waits for another's fetch continues on its own Vert.x context, where its
     * request-scoped state lives, not on the fetching request's.
     */
    Uni<V> get(K key, Loader<V> loader, GatewayRequest request) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            boolean[] loadedHere = { false };
            CompletableFuture<Fetched<V>> entry = cache.get(key, (k, executor) -> {
                loadedHere[0] = true;
                return fetch(k, null, loader, false).subscribeAsCompletionStage();
            });
            if (entry.isDone() && !entry.isCompletedExceptionally()) {
                return entry.join().justFetched(loadedHere[0]) ? used(entry.join(), request)
                        : serve(key, entry, entry.join(), loader, caller, request);
            }
            return onCaller(Uni.createFrom().completionStage(entry), caller)
                    .flatMap(fetched -> fetched.justFetched(loadedHere[0]) ? used(fetched, request)
                            : serve(key, entry, fetched, loader, caller, request));
        }).onFailure(failure -> unwrap(failure) instanceof SecondLook).recoverWithUni(failure -> secondLook((SecondLook) unwrap(failure), request))
                .onFailure(failure -> !InternalFailures.isKnown(failure)).transform(failure -> internal.toGatewayException(failure, WHERE));
    }

    /** The shared copy found after Partnero failed a first fetch: data while fresh, else stale data in place of the failure. */
    @SuppressWarnings("unchecked")
    private Uni<V> secondLook(SecondLook look, GatewayRequest request) {
        Fetched<V> copy = (Fetched<V>) look.copy;
        if (clock.getAsLong() - copy.fetchedAtMillis < ttlMillis) {
            return used(copy, request);
        }
        request.servedStale(look.failure.code().name(), copy.fetchedAtMillis);
        return Uni.createFrom().item(copy.value);
    }

    /** Fresh: answered. Within stale-while-revalidate: answered, and refreshed. Else refreshed first, stale on Partnero's failure. */
    private Uni<V> serve(K key, CompletableFuture<Fetched<V>> entry, Fetched<V> held, Loader<V> loader, Context caller,
            GatewayRequest request) {
        long age = clock.getAsLong() - held.fetchedAtMillis;
        if (age < ttlMillis) {
            return used(held, request);
        }
        if (age < ttlMillis + swrMillis) {
            refresh(key, entry, held, loader, true);
            return used(held, request);
        }
        return onCaller(Uni.createFrom().completionStage(refresh(key, entry, held, loader, false)), caller)
                .flatMap(fresh -> used(fresh, request))
                .onFailure().recoverWithUni(failure -> staleInstead(held, failure, request));
    }

    private Uni<V> used(Fetched<V> fetched, GatewayRequest request) {
        request.usedDataFetchedAt(fetched.fetchedAtMillis);
        return Uni.createFrom().item(fetched.value);
    }

    private Uni<V> staleInstead(Fetched<V> held, Throwable failure, GatewayRequest request) {
        GatewayException error = internal.toGatewayException(failure, WHERE);
        if (AVOIDABLE.contains(error.code()) && withinStaleIfError(held)) {
            request.servedStale(error.code().name(), held.fetchedAtMillis);
            return Uni.createFrom().item(held.value);
        }
        return Uni.createFrom().failure(error);
    }

    /** Whether stale data could stand in should a call for {@code held} fail: then a rate-limited call need not wait. */
    private boolean staleAtHand(Fetched<V> held) {
        return held != null && withinStaleIfError(held) && sieMillis > 0;
    }

    private boolean withinStaleIfError(Fetched<V> held) {
        return clock.getAsLong() - held.fetchedAtMillis < ttlMillis + sieMillis;
    }

    /**
     * The one call that brings {@code held} up to date: started by the first request to need it, shared
     * by the others. On success the entry is replaced; on failure it stays as it was (the next request
     * tries again) and the failure goes to those who wait. A request that waits ({@code background}
     * false) and finds a background refresh under way waits for it; should that one be another
     * replica's to make, the request starts a refresh of its own (which does not ask for the claim).
     */
    private CompletableFuture<Fetched<V>> refresh(K key, CompletableFuture<Fetched<V>> entry, Fetched<V> held, Loader<V> loader,
            boolean background) {
        Refresh<V> mine = new Refresh<>(new CompletableFuture<>(), background);
        Refresh<V> running = held.refresh.compareAndExchange(null, mine);
        if (running != null) {
            if (background || !running.background()) {
                return running.result();
            }
            return running.result().exceptionallyCompose(failure -> onlyInTheBackground(unwrap(failure), held)
                    ? refresh(key, entry, held, loader, false)
                    : CompletableFuture.failedFuture(unwrap(failure)));
        }
        fetch(key, held, loader, background).subscribe().with(
                fresh -> {
                    cache.asMap().compute(key, (k, current) -> current == null || current == entry ? CompletableFuture.completedFuture(fresh)
                            : current);
                    mine.result().complete(fresh);
                },
                failure -> {
                    held.refresh.set(null);
                    if (background && !(failure instanceof RefreshedElsewhere)) {
                        internal.toGatewayException(failure, WHERE); // nobody waits for it: logged here if it is a bug
                    }
                    mine.result().completeExceptionally(failure);
                });
        return mine.result();
    }

    /**
     * Whether a background refresh's failure is no answer for a request that waits: another replica
     * has the entry to refresh, or the gateway's own rate limit refused a call that did not wait (in
     * the background there is always stale data at hand) while this request, without stale data at
     * hand, would have waited for a permit.
     */
    private boolean onlyInTheBackground(Throwable failure, Fetched<V> held) {
        return failure instanceof RefreshedElsewhere
                || failure instanceof GatewayException error && error.code() == ErrorCode.RATE_LIMITED
                        && error.upstreamStatus().isEmpty() && !staleAtHand(held);
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /**
     * A newer value: from Redis when another replica has one (or, with nothing here, whatever Redis
     * holds, which {@link #serve} then judges by its age), else from Partnero, shared with the others.
     * A background refresh calls Partnero only when it claims the entry, so replicas make one call.
     */
    private Uni<Fetched<V>> fetch(K key, Fetched<V> held, Loader<V> loader, boolean background) {
        boolean staleAtHand = staleAtHand(held);
        if (sharing == null) {
            return loader.load(staleAtHand || background).map(value -> new Fetched<>(value, clock.getAsLong(), false));
        }
        String sharedKey = sharing.key().apply(key);
        return sharing.store().get(sharedKey).flatMap(bytes -> {
            Fetched<V> there = decode(bytes);
            // nothing here: whatever Redis has; a background refresh: anything newer (the replica that
            // claimed the entry wrote it); a request that waits: only a fresh entry
            if (there != null && (held == null || there.fetchedAtMillis > held.fetchedAtMillis
                    && (background || clock.getAsLong() - there.fetchedAtMillis < ttlMillis))) {
                return Uni.createFrom().item(there);
            }
            Uni<Boolean> ours = background
                    ? sharing.store().claim(sharing.claimKey().apply(key), sharing.claimFor().toMillis())
                    : Uni.createFrom().item(Boolean.TRUE);
            Uni<Fetched<V>> called = ours.flatMap(mine -> !mine ? Uni.createFrom().<Fetched<V>> failure(new RefreshedElsewhere())
                    : loader.load(staleAtHand || background).map(value -> {
                        Fetched<V> fresh = new Fetched<>(value, clock.getAsLong(), false);
                        sharing.store().put(sharedKey, encode(fresh), lifeLeftMillis(fresh));
                        return fresh;
                    }));
            // nothing here (then nothing was read from Redis either, or it would have been returned above):
            // should Partnero fail, Redis is read once more
            return held != null ? called : called.onFailure(GatewayException.class)
                    .recoverWithUni(failure -> lookAgain(sharedKey, (GatewayException) failure));
        });
    }

    /**
     * Partnero failed a first fetch for which Redis had nothing, or did not answer in time: Redis read
     * again, in case that first read failed. A copy within stale-if-error stands in ({@link SecondLook}).
     */
    private Uni<Fetched<V>> lookAgain(String sharedKey, GatewayException failure) {
        if (!AVOIDABLE.contains(failure.code())) {
            return Uni.createFrom().failure(failure);
        }
        return sharing.store().get(sharedKey).flatMap(bytes -> {
            Fetched<V> copy = decode(bytes);
            return Uni.createFrom().failure(copy != null && withinStaleIfError(copy) ? new SecondLook(copy, failure) : failure);
        });
    }

    /** The format in Redis ({@link SharedEntries#data}): when the value was fetched, and the value as Partnero's JSON. */
    private byte[] encode(Fetched<V> fetched) {
        try {
            return SharedEntries.data(fetched.fetchedAtMillis, sharing.json().writeValueAsBytes(fetched.value));
        } catch (Exception e) {
            throw new IllegalStateException("A value from Partnero could not be written as JSON", e);
        }
    }

    /** The entry in {@code bytes}; null when there is none, or it is not one this gateway wrote. */
    private Fetched<V> decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            SharedEntries.DataEntry entry = SharedEntries.readData(bytes);
            long fetchedAt = entry.fetchedAtMillis();
            if (fetchedAt <= 0 || fetchedAt > clock.getAsLong() + 60_000) {
                throw new IllegalArgumentException("fetched at an impossible time");
            }
            V value = sharing.json().readValue(bytes, entry.jsonOffset(), bytes.length - entry.jsonOffset(), sharing.type());
            return new Fetched<>(value == null ? null : sharing.check().apply(value), fetchedAt, true);
        } catch (Exception e) {
            sharing.store().unreadable(sharing.kind(), e);
            return null;
        }
    }

    private long lifeLeftMillis(Fetched<V> fetched) {
        return fetched.fetchedAtMillis + keepMillis - clock.getAsLong();
    }

    private long lifeLeftNanos(Fetched<V> fetched) {
        return Duration.ofMillis(Math.max(0, lifeLeftMillis(fetched))).toNanos();
    }

    private static <T> Uni<T> onCaller(Uni<T> result, Context caller) {
        return caller == null ? result : result.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    /** Runs pending evictions now (Caffeine runs them on its own schedule otherwise); for tests. */
    void cleanUp() {
        cache.synchronous().cleanUp();
    }

    /** Fetches without caching, and says the data is fresh. */
    static <V> Uni<V> uncached(Loader<V> loader, GatewayRequest request) {
        return loader.load(false).invoke(value -> request.usedDataFetchedAt(System.currentTimeMillis()));
    }
}
