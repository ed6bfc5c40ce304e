package partnero.gateway.partnero;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import partnero.gateway.error.GatewayException;

/**
 * How every call to Partnero is made, from the outside in:
 * <ol>
 * <li><b>deadline</b> ({@code partnero.deadline}, 10 s): the whole call, retries and waits included;
 * then {@code UPSTREAM_TIMEOUT};</li>
 * <li><b>retry</b> ({@code partnero.retry.*}): connection failures and 502/503/504, with exponential
 * backoff and jitter ({@link RetryBackoff}); and <b>one 429</b> per call whose {@code Retry-After} is at
 * most {@code partnero.rate-limit.max-wait}, waited out exactly ({@link RateLimitWait});</li>
 * <li><b>circuit breaker</b> ({@code partnero.circuit-breaker.*}), around each try: opened by
 * Partnero's own failures only (connection failures, 5xx, timeouts; never a client's 4xx or 429);
 * while open, tries fail at once and the call with {@code UPSTREAM_UNAVAILABLE}, never retried;</li>
 * <li><b>the attempt</b>, whose failure is already one of the gateway's error codes, so that every
 * rule above decides on the code.</li>
 * </ol>
 * SmallRye Fault Tolerance's programmatic {@link Guard} holds the retries and the breaker (it always
 * puts the retries outside the breaker, whatever the builder's order), because
 * their conditions are error codes, which annotations' exception classes cannot say; MicroProfile's
 * {@code @Timeout} bounds each attempt rather than the retries around it, so the deadline is
 * Mutiny's {@code ifNoItem()}. The guard's description, {@value #NAME}, names its metrics
 * ({@code ft_*{method="partnero"}}) and its breaker.
 */
@ApplicationScoped
class CallPolicy {

    static final String NAME = "partnero";

    private final Guard guard;
    private final Duration deadline;
    private final Duration rateLimitMaxWait;

    @Inject
    CallPolicy(CallConfig config) {
        this(config, NAME);
    }

    /** A policy with a breaker of its own name (the breaker's state is per name). */
    CallPolicy(CallConfig config, String name) {
        CallConfig.Retry retry = config.retry();
        CallConfig.CircuitBreaker breaker = config.circuitBreaker();
        this.deadline = config.deadline();
        this.rateLimitMaxWait = config.rateLimit().maxWait();
        this.guard = Guard.create()
                .withDescription(name)
                .withThreadOffload(false) // the calls are non-blocking: stay on the event loop
                .withRetry()
                    .maxRetries(retry.maxRetries())
                    .maxDuration(deadline.toMillis(), ChronoUnit.MILLIS)
                    .jitter(0, ChronoUnit.MILLIS) // RetryBackoff jitters itself; a 429's wait is exact
                    .whenException(failure -> failure instanceof RateLimitWait.Honoured || UpstreamFailures.isTransient(failure))
                    .withCustomBackoff().strategy(() -> new RetryBackoff(retry.initialBackoff())).done()
                    .done()
                .withCircuitBreaker()
                    .name(name)
                    .requestVolumeThreshold(breaker.requestVolume())
                    .failureRatio(breaker.failureRatio())
                    .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(breaker.successThreshold())
                    .when(UpstreamFailures::isOutage)
                    .done()
                .build();
    }

    /** Runs {@code attempt} (subscribed once per try) under the policy; fails only with a {@link GatewayException}. */
    <T> Uni<T> call(Supplier<Uni<T>> attempt) {
        RateLimitWait rateLimitWait = new RateLimitWait(rateLimitMaxWait); // "one 429" is per call
        Uni<T> guarded = guard.get(
                () -> attempt.get().onFailure(GatewayException.class).transform(f -> rateLimitWait.apply((GatewayException) f)),
                new TypeLiteral<Uni<T>>() {
                });
        return guarded
                .ifNoItem().after(deadline).failWith(UpstreamFailures::deadlineExceeded)
                .onFailure(CircuitBreakerOpenException.class).transform(open -> UpstreamFailures.circuitOpen())
                .onFailure().transform(RateLimitWait::unwrap);
    }
}
