package partnero.gateway.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.hibernate.validator.constraints.time.DurationMin;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Every setting of the gateway's own, under the prefix {@code partnero}. Each one can also be given
 * as an environment variable ({@code partnero.api.key} is {@code PARTNERO_API_KEY}).
 * The REST client's timeouts and the GraphQL engine's limits are standard Quarkus properties, set
 * in {@code application.properties} and listed in docs/configuration.md.
 */
@ConfigMapping(prefix = "partnero")
public interface GatewayConfig {

    /** The upstream Partnero API. */
    Api api();

    /** The embedded Partnero simulator that dev mode talks to. */
    DevUpstream devUpstream();

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

    /** The cache of Partnero's answers. */
    Cache cache();

    /** The cache of whole GraphQL answers, ahead of the GraphQL engine. */
    AnswerCache answerCache();

    /** Limits on what one GraphQL request may ask for. */
    Limits limits();

    /** Documents compiled for running without graphql-java's per-field execution. */
    CompiledPlans compiledPlans();

    /** Automatic persisted queries: documents sent once, then named by their SHA-256. */
    PersistedQueries persistedQueries();

    /** Which documents the gateway runs at all. */
    Documents documents();

    /** Caching headers on the answers to GET requests. */
    HttpCache httpCache();

    /** Several operations in one POST (a JSON array). */
    Batching batching();

    interface Api {
        /** Base URL of the upstream, including {@code /v1}; the REST client reads it too. */
        @WithDefault("https://api.partnero.com/v1")
        URI url();

        /** The key used when a client sends none of its own; absent means clients must send one. */
        Optional<String> key();
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

    interface Cache {
        /** Whether anything is cached at all (Partnero's answers and whole GraphQL answers). */
        @WithDefault("true")
        boolean enabled();

        /** How long Partnero's answer is served from the cache after it was fetched. */
        @WithDefault("30s")
        Duration ttl();

        /** Most entries of each of the two caches (pages, searches). */
        @WithDefault("10000")
        long maxSize();

        /** Most memory each of the two caches holds, estimated from the records it keeps. */
        @WithDefault("16M")
        MemorySize maxBytes();

        /** Where cached data and answers live: {@code memory} (this process) or {@code redis} (shared by every replica). */
        @WithDefault("memory")
        CacheBackend backend();

        /**
         * How long past its ttl an entry of Partnero data is still answered at once, while one background
         * call brings it up to date; 0 turns it off.
         */
        @WithDefault("0s")
        @DurationMin(nanos = 0)
        Duration staleWhileRevalidate();

        /**
         * How long past its ttl an entry of Partnero data is served instead of an error when Partnero is
         * unavailable, times out or rate-limits the gateway (the answer says so in {@code extensions.stale});
         * 0 turns it off.
         */
        @WithDefault("0s")
        @DurationMin(nanos = 0)
        Duration staleIfError();

        /** The Redis backend; the server itself is {@code quarkus.redis.hosts}. */
        Redis redis();
    }

    /** The values of {@code partnero.cache.backend}. */
    enum CacheBackend {
        MEMORY,
        REDIS
    }

    interface Redis {
        /** What every key the gateway writes in Redis starts with. */
        @WithDefault("partnero-gateway:")
        String prefix();

        /** The most one Redis command may take before the gateway goes on without it. */
        @WithDefault("200ms")
        @DurationMin(millis = 1)
        Duration timeout();

        /** How long a persisted document stays in Redis after it was sent. */
        @WithDefault("24h")
        @DurationMin(seconds = 1)
        Duration persistedQueryTtl();
    }

    interface AnswerCache {
        /** Whether repeated GraphQL requests are answered with the stored answer (only while {@code partnero.cache.enabled}). */
        @WithDefault("true")
        boolean enabled();

        /** Most memory the stored answers hold (their bytes). */
        @WithDefault("16M")
        MemorySize maxBytes();
    }

    interface CompiledPlans {
        /** Whether a document answered once is run by a compiled plan afterwards (see docs/performance.md). */
        @WithDefault("true")
        boolean enabled();

        /** Most memory the plans hold, estimated from their documents' length. */
        @WithDefault("4M")
        MemorySize maxBytes();
    }

    interface PersistedQueries {
        /** Whether clients may name a document by its SHA-256 (Apollo's automatic persisted queries). */
        @WithDefault("true")
        boolean enabled();

        /** Most documents kept. */
        @WithDefault("10000")
        long maxSize();

        /** Most memory the kept documents hold. */
        @WithDefault("8M")
        MemorySize maxBytes();
    }

    interface Documents {
        /** {@code open}: any document; {@code persisted-only}: every request names its document by hash; {@code trusted}: only the manifest's documents. */
        @WithDefault("open")
        DocumentsMode mode();

        /** The trusted documents: an Apollo persisted-query manifest or a GraphQL Code Generator {@code persisted-documents.json}; required in {@code trusted} mode. */
        Optional<Path> manifest();

        /** Whether introspection-only documents ({@code __schema}, {@code __type}, {@code __typename}) run in every mode, so that GraphiQL can show the schema. */
        @WithDefault("true")
        boolean allowIntrospection();
    }

    /** The values of {@code partnero.documents.mode}. */
    enum DocumentsMode {
        OPEN,
        PERSISTED_ONLY,
        TRUSTED
    }

    interface HttpCache {
        /** Whether complete answers to GET get {@code Cache-Control} with a {@code max-age}, an {@code ETag}, and 304 on a matching {@code If-None-Match}. */
        @WithDefault("true")
        boolean enabled();

        /** {@code private} (browsers only: the answer depends on the API key) or {@code public} (shared caches and CDNs too). */
        @WithDefault("private")
        HttpCacheScope scope();
    }

    /** The values of {@code partnero.http-cache.scope}. */
    enum HttpCacheScope {
        PRIVATE,
        PUBLIC
    }

    interface Batching {
        /** Most operations in one batched POST; 0 refuses batches. */
        @WithDefault("0")
        int maxOperations();
    }

    interface Limits {
        /** Most upstream calls (root fields, aliases included) one GraphQL request may cause. */
        @WithDefault("10")
        int maxUpstreamCalls();

        /** Deepest field nesting, fragments expanded; GraphiQL's introspection query needs 15. */
        @WithDefault("15")
        int maxDepth();

        /** Most field selections in one operation, fragments expanded; see docs/schema.md for typical values. */
        @WithDefault("500")
        int maxFields();
    }

    interface DevUpstream {
        /**
         * Whether the simulator is built into the application. Fixed at build time: it is true only in
         * dev mode, so the production build does not contain the simulator's routes at all.
         */
        @WithDefault("false")
        boolean enabled();
    }
}
