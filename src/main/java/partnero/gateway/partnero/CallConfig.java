package partnero.gateway.partnero;

import java.time.Duration;
import java.util.OptionalInt;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * How the gateway calls Partnero: the deadline of one call, retries, rate limiting (Partnero's 429 and
 * the gateway's own per-key limit), the circuit breaker. Read by {@link CallPolicy}, {@link KeyRateLimits}
 * and {@link PartneroGraph}. Listed in docs/configuration.md.
 */
@ConfigMapping(prefix = "partnero")
public interface CallConfig {

    /**
     * The most one upstream call may take, retries and waits included; then {@code UPSTREAM_TIMEOUT}.
     * Each attempt is also bounded by the REST client's connect and read timeouts.
     */
    @WithDefault("10s")
    Duration deadline();

    /** Retries of failed upstream calls. */
    Retry retry();

    /** How the gateway treats Partnero's rate limiting (HTTP 429). */
    @WithName("rate-limit") // explicit, so that a setting's validation message names it as it is written
    RateLimit rateLimit();

    /** The circuit breaker that stops calling Partnero while it is failing. */
    CircuitBreaker circuitBreaker();

    /** The calls one GraphQL request makes for the graph's nested fields. */
    Nested nested();

    interface Nested {
        /** The most calls to Partnero one GraphQL request has under way at once; the others wait their turn. */
        @WithDefault("8")
        @Positive
        int maxConcurrency();
    }

    interface Retry {
        /** Retries after the first attempt, only on connection failures and 502/503/504. */
        @WithDefault("2")
        int maxRetries();

        /** Backoff before the first retry; it doubles for each further one, with random jitter of ±50 %. */
        @WithDefault("100ms")
        Duration initialBackoff();
    }

    interface RateLimit {
        /**
         * A 429 whose Retry-After is at most this long is waited out and retried once; a longer one fails at once.
         * Also the longest a call waits for the gateway's own per-key limit ({@link #requestsPerSecond()}).
         */
        @WithDefault("2s")
        Duration maxWait();

        /**
         * The most calls per second the gateway makes to Partnero for one API key (all replicas together
         * with {@code partnero.cache.backend=redis}); 0, the default, sets no limit of the gateway's own.
         */
        @WithDefault("0")
        @PositiveOrZero
        double requestsPerSecond();

        /** How many calls for one key may go at once after a quiet spell; by default one second's worth ({@link #requestsPerSecond()}, at least 1). */
        @Positive
        OptionalInt burst();
    }

    interface CircuitBreaker {
        /** How many recent calls the breaker looks at. */
        @WithDefault("20")
        int requestVolume();

        /** The share of failures (connection failures, 5xx, timeouts) among them that opens it. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long it stays open before letting a trial call through. */
        @WithDefault("5s")
        Duration delay();

        /** Trial calls that must succeed, in half-open state, to close it again. */
        @WithDefault("1")
        int successThreshold();
    }
}
