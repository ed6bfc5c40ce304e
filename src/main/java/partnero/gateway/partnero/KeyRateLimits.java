package partnero.gateway.partnero;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import partnero.gateway.apikey.ApiKey;
import partnero.gateway.error.ErrorCode;
import partnero.gateway.error.GatewayException;
import partnero.gateway.shared.SharedStore;

/**
 * The gateway's own limit on calls to Partnero per API key ({@code partnero.rate-limit.*}), so that
 * one client cannot spend the key's allowance at Partnero for everyone: a token bucket per key
 * fingerprint holding {@code burst} permits, refilled at {@code requests-per-second}. A call within it
 * goes at once; beyond it, it gets a permit reserved for it and waits for it, at most
 * {@code max-wait} (never when stale data could answer instead), else it fails with
 * {@code RATE_LIMITED} before Partnero is called. Off by default, and then it costs nothing.
 * <ul>
 * <li><b>With the Redis backend</b>, one bucket per key for all replicas: an atomic Lua script
 * ({@link #SCRIPT}, GCRA on Redis' own clock) run through {@link SharedStore}, that is the Quarkus Redis
 * client with its deadline and breaker. Bucket4j's Redis integrations were not used: they need Jedis,
 * Lettuce or Redisson, a second Redis client beside Quarkus' with its own connections, settings,
 * outage handling and native-image work, for what is a dozen lines of Lua.</li>
 * <li><b>Otherwise</b>, and for every call Redis fails to answer, a Bucket4j bucket in this process:
 * the replica limits itself alone (while Redis is away, N replicas may together reach N times the
 * rate). Bucket4j because it reserves a future permit for a caller who will wait (so concurrent
 * waiters never count on the same one) without blocking a thread, lock-free; SmallRye Fault
 * Tolerance's {@code @RateLimit} is one limit per method, not per key, and never waits. Buckets live in
 * Caffeine and are forgotten once idle long enough to be full again.</li>
 * </ul>
 * Waits are timers, never a blocked thread, and the call goes on in the request's Vert.x context.
 * <p>
 * Whether the limit is on or not, when Partnero answers a call for a key with a 429 and a
 * {@code Retry-After}, no call for that key is made from this replica until that time has passed
 * ({@link #heldBackBy}): calls fail at once with {@code RATE_LIMITED} and the seconds left, and stale data
 * stands in where it may. Without it, every request for data past its ttl retried Partnero at once (the
 * chaos run: 9 979 calls in the 40 s of a {@code Retry-After: 30}; docs/chaos.md).
 * <p>
 * Waits, refusals and calls held back are counted in
 * {@code partnero_rate_limited_calls_total{outcome="waited|refused|held-back"}}.
 */
@ApplicationScoped
@RegisterForReflection(classNames = { "com.github.benmanes.caffeine.cache.SSMSA", "com.github.benmanes.caffeine.cache.PSAMS" },
        fields = true) // the cache and node classes the buckets' builder needs in the native executable (LocalCacheFactory)
class KeyRateLimits {

    /**
     * One step of GCRA, the token bucket written as the time its next permit is due ("theoretical
     * arrival time", microseconds of Redis' clock, under KEYS[1]). ARGV: the microseconds between
     * permits, the burst, the longest wait the caller accepts (microseconds). Answers 0 (go now), the
     * milliseconds to wait for the permit it reserved, or, over the caller's limit, -(milliseconds until
     * a permit) - 1, reserving nothing. The key expires when the bucket would be full again.
     */
    static final String SCRIPT = """
            local interval = tonumber(ARGV[1])
            local burst = tonumber(ARGV[2])
            local max_wait = tonumber(ARGV[3])
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
            local due = tonumber(redis.call('GET', KEYS[1])) or now
            if due < now then
              due = now
            end
            local next_due = due + interval
            local wait = next_due - burst * interval - now
            if wait > max_wait then
              return -math.ceil(wait / 1000) - 1
            end
            redis.call('SET', KEYS[1], string.format('%.0f', next_due), 'PX', math.ceil((next_due - now) / 1000))
            if wait <= 0 then
              return 0
            end
            return math.ceil(wait / 1000)
            """;

    private static final Uni<Void> GO = Uni.createFrom().voidItem();
    private static final int MAX_KEYS = 10_000;
    /** The longest a 429's {@code Retry-After} holds calls back. */
    private static final Duration MAX_HOLD = Duration.ofHours(1);

    private final boolean on;
    private final SharedStore shared;
    private final long maxWaitNanos;
    private final long burst;
    private final long intervalNanos;
    private final Cache<String, Bucket> buckets;
    private final Counter waited;
    private final Counter refused;
    private final Counter heldBack;
    /** Per key fingerprint, until when ({@link System#nanoTime}) Partnero asked not to be called: its 429's Retry-After. */
    private final Cache<String, Long> holds = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(MAX_HOLD).build(); // the buckets' cache classes

    KeyRateLimits(CallConfig config, SharedStore shared, MeterRegistry metrics) {
        CallConfig.RateLimit limit = config.rateLimit();
        double perSecond = limit.requestsPerSecond();
        this.on = perSecond > 0;
        this.shared = shared;
        this.maxWaitNanos = Math.max(0, limit.maxWait().toNanos());
        this.burst = Math.max(1, limit.burst().orElse((int) Math.ceil(perSecond)));
        this.intervalNanos = on ? Math.max(1, Math.round(TimeUnit.SECONDS.toNanos(1) / perSecond)) : 1;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(MAX_KEYS)
                // idle that long, a bucket is full again (debts of waiting calls paid): forgetting it changes nothing
                .expireAfterAccess(Duration.ofNanos(intervalNanos).multipliedBy(burst).plusNanos(maxWaitNanos))
                .build();
        this.waited = counter(metrics, "waited");
        this.refused = counter(metrics, "refused");
        this.heldBack = counter(metrics, "held-back");
    }

    /**
     * Partnero's answer to a call for {@code key} failed with {@code failure}: a 429 with a
     * {@code Retry-After} holds this replica's calls for the key back that long.
     */
    void heldBackBy(ApiKey key, GatewayException failure) {
        if (failure.code() == ErrorCode.RATE_LIMITED && failure.upstreamStatus().orElse(0) == 429
                && failure.retryAfterSeconds().orElse(0) > 0) {
            long hold = Math.min(TimeUnit.SECONDS.toNanos(failure.retryAfterSeconds().getAsInt()), MAX_HOLD.toNanos());
            holds.put(key.fingerprint(), System.nanoTime() + hold);
        }
    }

    /**
     * Lets a call for {@code key} go: at once within the limit, after a wait of at most
     * {@code partnero.rate-limit.max-wait} beyond it, else fails with {@code RATE_LIMITED} without calling
     * Partnero. With {@code staleAtHand}, never waits: stale data answers instead.
     */
    Uni<Void> acquire(ApiKey key, boolean staleAtHand) {
        Long holdEnds = holds.getIfPresent(key.fingerprint());
        if (holdEnds != null) {
            long left = holdEnds - System.nanoTime();
            if (left > 0) {
                heldBack.increment();
                int seconds = (int) Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
                return Uni.createFrom().failure(GatewayException.heldBackAsPartneroAsked(seconds));
            }
            holds.invalidate(key.fingerprint());
        }
        if (!on) {
            return GO;
        }
        long acceptedWaitNanos = staleAtHand ? 0 : maxWaitNanos;
        Context caller = Vertx.currentContext();
        return shared.enabled() ? acquireShared(key.fingerprint(), acceptedWaitNanos, caller)
                : acquireLocal(key.fingerprint(), acceptedWaitNanos, caller);
    }

    private Uni<Void> acquireShared(String fingerprint, long acceptedWaitNanos, Context caller) {
        List<String> args = List.of(Long.toString(micros(intervalNanos)), Long.toString(burst),
                Long.toString(micros(acceptedWaitNanos)));
        Uni<Void> permit = shared.evalLong(SCRIPT, List.of(shared.keys().rate(fingerprint)), args).flatMap(answer -> {
            if (answer == null) { // Redis failed: this replica limits itself
                return acquireLocal(fingerprint, acceptedWaitNanos, caller);
            }
            if (answer == 0) {
                return GO;
            }
            if (answer < 0) {
                return refusal(TimeUnit.MILLISECONDS.toNanos(-answer - 1));
            }
            waited.increment();
            return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(answer));
        });
        return onCaller(permit, caller); // Redis' answer, a timeout or the timer may come on another thread
    }

    private Uni<Void> acquireLocal(String fingerprint, long acceptedWaitNanos, Context caller) {
        Bucket bucket = buckets.get(fingerprint, ignored -> newBucket());
        if (acceptedWaitNanos == 0) {
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? GO : refusal(probe.getNanosToWaitForRefill());
        }
        // takes a permit now, or reserves the next one free within the wait (and completes when it is due), or none
        CompletableFuture<Boolean> permit = bucket.asScheduler()
                .tryConsume(1, acceptedWaitNanos, Infrastructure.getDefaultWorkerPool()); // Mutiny's timers, as delayIt() uses
        if (!permit.isDone()) {
            waited.increment();
            return onCaller(Uni.createFrom().completionStage(permit).replaceWithVoid(), caller);
        }
        return Uni.createFrom().completionStage(permit)
                .flatMap(now -> now ? GO : refusal(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(1, Duration.ofNanos(intervalNanos)).build())
                .withNanosecondPrecision()
                .build();
    }

    private Uni<Void> refusal(long nanosUntilAPermit) {
        refused.increment();
        int seconds = (int) Math.min(Integer.MAX_VALUE, Math.max(1, (nanosUntilAPermit + 999_999_999L) / 1_000_000_000L));
        return Uni.createFrom().failure(GatewayException.rateLimitedByGateway(seconds));
    }

    private static long micros(long nanos) {
        return TimeUnit.NANOSECONDS.toMicros(nanos);
    }

    private static <T> Uni<T> onCaller(Uni<T> result, Context caller) {
        if (caller == null) {
            return result;
        }
        return result.emitOn(task -> {
            if (Vertx.currentContext() == caller) {
                task.run();
            } else {
                caller.runOnContext(ignored -> task.run());
            }
        });
    }

    private static Counter counter(MeterRegistry metrics, String outcome) {
        return Counter.builder("partnero_rate_limited_calls").tag("outcome", outcome)
                .description("Calls to Partnero held back by the gateway's own per-key limit (partnero.rate-limit.requests-per-second):"
                        + " waited for a permit, or refused with RATE_LIMITED; or held back while a 429's Retry-After runs")
                .register(metrics);
    }
}
