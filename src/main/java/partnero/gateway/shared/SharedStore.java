package partnero.gateway.shared;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import partnero.gateway.codec.RedisKeys;
import partnero.gateway.config.CacheConfig;

/**
 * What the gateway's replicas share: Redis, through the Quarkus Redis client, when
 * {@code partnero.cache.backend=redis}; nothing otherwise. Callers use it as a second level behind
 * their own in-process caches, and it never fails them:
 * <ul>
 * <li>every command has its own deadline ({@code partnero.cache.redis.timeout}) and runs behind a
 * circuit breaker (SmallRye Fault Tolerance), so a slow or dead Redis costs a request at most that
 * deadline, and while the breaker is open nothing at all;</li>
 * <li>a failed read is a miss, a failed write is dropped: the caller goes on as if there were no
 * Redis (reads from Partnero, serves what it holds itself);</li>
 * <li>the outage is logged once when it starts and once when it ends, counted in
 * {@code partnero_shared_cache_errors_total{operation}}, shown by {@code partnero_shared_cache_up}
 * and by the health group {@code shared-cache} ({@link SharedStoreHealth}), which readiness does not
 * include;</li>
 * <li>the breaker lets one command through after {@value #RETRY_SECONDS} s, so sharing resumes by
 * itself when Redis is back.</li>
 * </ul>
 * Keys are {@code partnero.cache.redis.prefix}, a kind and a SHA-256 ({@link RedisKeys}): nothing in
 * them is readable. Values expire in Redis with the life their caller gives them.
 */
@ApplicationScoped
public class SharedStore {

    private static final Logger LOG = Logger.getLogger(SharedStore.class);
    static final String NAME = "redis";
    static final int RETRY_SECONDS = 2;
    static final int CONNECT_SECONDS = 2;

    private final ReactiveValueCommands<String, byte[]> values;
    private final ReactiveRedisDataSource redis;
    private final String prefix;
    private final RedisKeys keys;
    private final Duration timeout;
    private final Guard guard;
    private final AtomicBoolean reachable = new AtomicBoolean(true);
    private final AtomicBoolean garbageLogged = new AtomicBoolean();
    private final AtomicLong lastFailureMillis = new AtomicLong();
    private volatile String lastFailure = "";
    private final MeterRegistry metrics;

    /** @param dataSources the Quarkus Redis client, looked up only with the redis backend */
    public SharedStore(CacheConfig cache, Instance<ReactiveRedisDataSource> dataSources, MeterRegistry metrics) {
        boolean shared = cache.backend() == CacheConfig.CacheBackend.REDIS; // also with caching off: the rate limit is shared
        this.redis = shared ? dataSources.get() : null;
        this.values = shared ? redis.value(byte[].class) : null;
        this.prefix = cache.redis().prefix();
        this.keys = new RedisKeys(prefix);
        this.timeout = cache.redis().timeout();
        this.metrics = metrics;
        this.guard = !shared ? null : Guard.create()
                .withDescription(NAME)
                .withThreadOffload(false)
                .withCircuitBreaker()
                    .name(NAME)
                    .requestVolumeThreshold(10)
                    .failureRatio(0.5)
                    .delay(RETRY_SECONDS, ChronoUnit.SECONDS)
                    .successThreshold(1)
                    .done()
                .build();
        metrics.gauge("partnero_shared_cache_up", this, store -> store.isUp() ? 1 : 0);
    }

    /**
     * Connects to Redis at start, so that the first request does not pay for the connection (and its
     * first command's deadline is not spent on it); says in the log whether Redis answers. A Redis that
     * does not answer within {@value #CONNECT_SECONDS} s does not hold the start up any longer.
     */
    void connect(@Observes StartupEvent start) {
        if (!enabled()) {
            return;
        }
        try {
            redis.execute("PING").await().atMost(Duration.ofSeconds(CONNECT_SECONDS));
            LOG.infof("Caches shared through Redis (%s*)", prefix);
        } catch (RuntimeException e) {
            failed("connect", e);
        }
    }

    /** Whether a shared backend is configured at all. */
    public boolean enabled() {
        return redis != null;
    }

    /** Whether the last command to the shared backend succeeded (true without one). */
    public boolean isUp() {
        return reachable.get();
    }

    /** Why the last failed command failed, and when (epoch milliseconds; 0 if none did). */
    String lastFailure() {
        return lastFailure;
    }

    long lastFailureMillis() {
        return lastFailureMillis.get();
    }

    /** The Redis keys of every kind of entry, under {@code partnero.cache.redis.prefix}. */
    public RedisKeys keys() {
        return keys;
    }

    /** The value under {@code key}; null when there is none, or no shared backend, or it failed. */
    public Uni<byte[]> get(String key) {
        if (!enabled()) {
            return Uni.createFrom().nullItem();
        }
        return guarded("get", () -> values.get(key), null);
    }

    /** Keeps {@code value} under {@code key} for {@code ttlMillis}; does nothing when that is not positive. Never waited for. */
    public void put(String key, byte[] value, long ttlMillis) {
        if (enabled() && ttlMillis > 0) {
            guarded("set", () -> values.set(key, value, new SetArgs().px(ttlMillis)).replaceWith(Boolean.TRUE), Boolean.FALSE)
                    .subscribe().with(ignored -> {
                    });
        }
    }

    /**
     * Takes {@code key} for {@code ttlMillis} unless someone holds it ({@code SET NX PX}): one replica
     * at a time does a job. False only when another holds it: while the backend fails (or without one)
     * the claim is granted here, since no replica can claim anything then, and a job nobody may do
     * would never be done (each replica does it once; the caller keeps it to one at a time within).
     */
    public Uni<Boolean> claim(String key, long ttlMillis) {
        if (!enabled()) {
            return Uni.createFrom().item(Boolean.TRUE);
        }
        return guarded("claim", () -> values.setAndChanged(key, new byte[] { 1 }, new SetArgs().nx().px(ttlMillis)), Boolean.TRUE);
    }

    /** Runs a Lua script atomically ({@code EVAL}) and reads its integer answer; null when the backend failed. */
    public Uni<Long> evalLong(String script, List<String> keys, List<String> args) {
        if (!enabled()) {
            return Uni.createFrom().nullItem();
        }
        List<String> command = new ArrayList<>();
        command.add(script);
        command.add(Integer.toString(keys.size()));
        command.addAll(keys);
        command.addAll(args);
        return guarded("eval", () -> redis.execute("EVAL", command.toArray(String[]::new)).map(Response::toLong), null);
    }

    /** A value read from the backend could not be decoded: counted, logged the first time, and treated as a miss by the caller. */
    public void unreadable(String kind, Exception why) {
        counter("decode").increment();
        if (garbageLogged.compareAndSet(false, true)) {
            LOG.warnf("An entry of kind %s in Redis could not be read (%s); such entries are treated as missing (logged once,"
                    + " counted in partnero_shared_cache_errors_total{operation=\"decode\"})", kind, why.toString());
        }
    }

    private <T> Uni<T> guarded(String operation, Supplier<Uni<T>> command, T otherwise) {
        return guard.get(() -> command.get().ifNoItem().after(timeout).fail(), new TypeLiteral<Uni<T>>() {
        })
                .invoke(ignored -> recovered())
                .onFailure().recoverWithItem(failure -> {
                    failed(operation, failure);
                    return otherwise;
                });
    }

    private void recovered() {
        if (!reachable.get() && reachable.compareAndSet(false, true)) {
            LOG.infof("Redis answers again: the caches are shared again");
        }
    }

    private void failed(String operation, Throwable failure) {
        if (failure instanceof CircuitBreakerOpenException) {
            return; // not tried: the outage is already known
        }
        counter(operation).increment();
        lastFailure = operation + ": " + failure;
        lastFailureMillis.set(System.currentTimeMillis());
        if (reachable.compareAndSet(true, false)) {
            LOG.warnf("Redis failed (%s: %s): until it is back, each replica answers from its own memory and from Partnero"
                    + " (logged once; partnero_shared_cache_up is 0 meanwhile)", operation, failure.toString());
        }
    }

    private Counter counter(String operation) {
        return Counter.builder("partnero_shared_cache_errors").tag("operation", operation)
                .description("Commands to the shared cache backend (Redis) that failed or timed out, and entries that could not be read")
                .register(metrics);
    }

}
