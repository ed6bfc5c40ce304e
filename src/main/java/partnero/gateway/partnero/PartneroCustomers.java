package partnero.gateway.partnero;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.cache.CacheResult;
import io.quarkus.runtime.Startup;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import partnero.gateway.apikey.ApiKey;
import partnero.gateway.config.GatewayConfig;
import partnero.gateway.customer.Customer;
import partnero.gateway.customer.CustomerListRequest;
import partnero.gateway.customer.CustomerPage;
import partnero.gateway.customer.CustomerSearchRequest;
import partnero.gateway.error.GatewayException;
import partnero.gateway.observability.UpstreamCalls;

/**
 * Where a request leaves for Partnero. The only user of the raw REST client, it owns everything the
 * remote call needs around it, from the outside in:
 * <ol>
 * <li>the cache (Quarkus Cache): per key fingerprint and arguments; concurrent identical misses share
 * one call; failures are never cached; "no match" is;</li>
 * <li>the whole-call deadline, retries and waits included;</li>
 * <li>SmallRye Fault Tolerance: retries on transient failures and one honoured 429, inside a circuit
 * breaker that only Partnero's own failures (not a client's 4xx) can open;</li>
 * <li>the key header, mapping the wire format to the GraphQL types, and turning every failure into
 * the gateway's error vocabulary.</li>
 * </ol>
 * MicroProfile's {@code @Timeout} bounds each attempt, not the retries around it, so the deadline is
 * Mutiny's {@code ifNoItem()}; the guard is built programmatically because its retry and breaker
 * decide on the mapped error code, which annotations' exception classes cannot express.
 */
@Startup // so that the circuit breaker's gauge is there from the first scrape
@ApplicationScoped
public class PartneroCustomers {

    static final String PAGES_CACHE = "partnero-customer-pages";
    static final String SEARCH_CACHE = "partnero-customer-search";
    /** Longer than any deadline a sane configuration sets: waiters then call Partnero themselves. */
    static final long CACHE_LOCK_TIMEOUT_MS = 15_000;
    public static final String CIRCUIT_BREAKER = "partnero";

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static final Class<Uni<Object>> UNI = (Class) Uni.class;

    private final PartneroApi api;
    private final MeterRegistry metrics;
    private final Guard guard;
    private final Duration deadline;
    private final Duration rateLimitMaxWait;
    private final AtomicReference<CircuitBreakerState> breakerState = new AtomicReference<>(CircuitBreakerState.CLOSED);

    PartneroCustomers(@RestClient PartneroApi api, GatewayConfig config, MeterRegistry metrics) {
        this.api = api;
        this.metrics = metrics;
        this.deadline = config.deadline();
        this.rateLimitMaxWait = config.rateLimit().maxWait();
        GatewayConfig.Retry retry = config.retry();
        GatewayConfig.CircuitBreaker breaker = config.circuitBreaker();
        this.guard = Guard.create()
                .withDescription("partnero")
                .withThreadOffload(false) // the calls are non-blocking: stay on the event loop
                .withRetry()
                    .maxRetries(retry.maxRetries())
                    .maxDuration(deadline.toMillis(), ChronoUnit.MILLIS)
                    .jitter(0, ChronoUnit.MILLIS) // RetryBackoff jitters itself; a 429's wait is exact
                    .whenException(failure -> failure instanceof RateLimitWait.Honoured || UpstreamFailures.isTransient(failure))
                    .withCustomBackoff().strategy(() -> new RetryBackoff(retry.initialBackoff())).done()
                    .done()
                .withCircuitBreaker()
                    .name(CIRCUIT_BREAKER)
                    .requestVolumeThreshold(breaker.requestVolume())
                    .failureRatio(breaker.failureRatio())
                    .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(breaker.successThreshold())
                    .when(UpstreamFailures::isOutage)
                    .onStateChange(breakerState::set)
                    .done()
                .build();
        for (CircuitBreakerState state : CircuitBreakerState.values()) {
            Gauge.builder("partnero.circuit.breaker.state", breakerState, current -> current.get() == state ? 1 : 0)
                    .description("1 for the state the circuit breaker in front of Partnero is in, 0 for the others")
                    .tag("state", state.name().toLowerCase(Locale.ROOT))
                    .register(metrics);
        }
    }

    /** One page of customers ({@code GET /customers}). */
    @CacheResult(cacheName = PAGES_CACHE, keyGenerator = CustomerCacheKeys.class, lockTimeout = CACHE_LOCK_TIMEOUT_MS)
    public Uni<CustomerPage> list(ApiKey key, CustomerListRequest request) {
        return guarded("customers", () -> api.listCustomers(key.bearerHeader(), request.page(), request.limit(),
                request.partnerKey(), request.partnerEmail())
                .map(body -> UpstreamMapper.toPage(body, request)));
    }

    /** The customer with this email or id, or null ({@code GET /customers:search}; a 404 is "no match"). */
    @CacheResult(cacheName = SEARCH_CACHE, keyGenerator = CustomerCacheKeys.class, lockTimeout = CACHE_LOCK_TIMEOUT_MS)
    public Uni<Customer> search(ApiKey key, CustomerSearchRequest request) {
        return guarded("customers:search", () -> api.searchCustomers(key.bearerHeader(), request.email(), request.id())
                .map(UpstreamMapper::toSearchResult)
                .onFailure(UpstreamFailures::isNotFound).recoverWithNull());
    }

    @SuppressWarnings("unchecked")
    private <T> Uni<T> guarded(String endpoint, Supplier<Uni<T>> call) {
        RateLimitWait rateLimitWait = new RateLimitWait(rateLimitMaxWait);
        Uni<Object> attempts = guard.get(() -> timed(endpoint, call.get()
                .onFailure().transform(failure -> UpstreamFailures.toGatewayException(failure, "GET /" + endpoint)))
                .onFailure().transform(failure -> rateLimitWait.apply((GatewayException) failure))
                .map(Object.class::cast), UNI);
        return (Uni<T>) attempts
                .ifNoItem().after(deadline).failWith(UpstreamFailures::deadlineExceeded)
                .onFailure(CircuitBreakerOpenException.class).transform(open -> UpstreamFailures.circuitOpen())
                .onFailure().transform(RateLimitWait::unwrap);
    }

    /** One attempt on Partnero: counted for the request's log line and timed by endpoint, outcome and status. */
    private <T> Uni<T> timed(String endpoint, Uni<T> attempt) {
        return Uni.createFrom().deferred(() -> {
            UpstreamCalls.increment();
            Timer.Sample sample = Timer.start(metrics);
            return attempt.onItemOrFailure().invoke((item, failure) -> {
                GatewayException error = failure instanceof GatewayException e ? e : null;
                sample.stop(Timer.builder("partnero.upstream.requests")
                        .description("Calls to Partnero (each attempt), by endpoint, outcome and HTTP status")
                        .tag("endpoint", endpoint)
                        .tag("outcome", error == null ? "success" : error.code().name())
                        .tag("status", error == null ? "2xx"
                                : error.upstreamStatus().isPresent() ? String.valueOf(error.upstreamStatus().getAsInt()) : "none")
                        .register(metrics));
            });
        });
    }
}
