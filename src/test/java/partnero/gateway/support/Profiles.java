package partnero.gateway.support;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * The settings the {@code @QuarkusTest} suites run under, beyond the {@code %test} defaults (caches
 * off, a 1.5 s read timeout, a breaker that judges only after 1000 calls), each named for what it sets: Quarkus
 * restarts the application for every profile, so suites that need the same settings share one, and a
 * profile that builds on another extends it. The {@code *IT} twin of a suite runs under its profile.
 */
public final class Profiles {

    private Profiles() {
    }

    // ---- caches (partnero, engine, web, shared)

    /** The data cache and the answer cache on, as in production. */
    public static class CachesOn extends ConfigOverrides {
        public CachesOn() {
            super("partnero.cache.enabled", "true", "partnero.answer-cache.enabled", "true");
        }
    }

    /**
     * {@link CachesOn} under a profile of its own, for a suite that adds a real Redis: run right after
     * suites of {@link CachesOn} itself, under the same profile with only the test resources changed,
     * requests fail inside the engine ({@code RequestFacts} cannot be cast to {@code RequestFacts}: two
     * class loaders of the application at once).
     */
    public static class CachesOnInRedis extends CachesOn {
    }

    /** What Apollo Client meets in production: the caches on, batches of up to 5. */
    public static class WebClientDefaults extends CachesOn {
        public WebClientDefaults() {
            set("partnero.batching.max-operations", "5");
        }
    }

    /** The data cache on; a read timeout of 5 s, as the single-flight test holds its answer back for 2 s. */
    public static class DataCacheOn extends ConfigOverrides {
        public DataCacheOn() {
            super("partnero.cache.enabled", "true", "quarkus.rest-client.partnero.read-timeout", "5000");
        }
    }

    /** Entries stale a millisecond after they were fetched, then answered while refreshed for 10 min. */
    public static class StaleWhileRevalidate extends DataCacheOn {
        public StaleWhileRevalidate() {
            set("partnero.cache.ttl", "1ms", "partnero.cache.stale-while-revalidate", "10m");
        }
    }

    /** The caches on, entries stale a millisecond after they were fetched, answering for Partnero's failures for 10 min; no retries. */
    public static class StaleIfError extends CachesOn {
        public StaleIfError() {
            set("partnero.cache.ttl", "1ms", "partnero.cache.stale-if-error", "10m", "partnero.retry.max-retries", "0");
        }
    }

    /**
     * {@link StaleIfError} under a profile of its own, for a suite that adds a real Redis (see
     * {@link CachesOnInRedis}): every metric of the operator's kit exists at once, the shared cache's and
     * the stale answers' included ({@code OperatorKitMetricsTest}).
     */
    public static class StaleIfErrorInRedis extends StaleIfError {
        public StaleIfErrorInRedis() {
            // its first request is the application's first: on a loaded machine it may take longer than the test's 1.5 s
            set("quarkus.rest-client.partnero.read-timeout", "5000");
        }
    }

    /** {@link StaleIfError} with a breaker that opens after four failures and stays open a minute. */
    public static class StaleIfErrorSmallBreaker extends StaleIfError {
        public StaleIfErrorSmallBreaker() {
            set("partnero.circuit-breaker.request-volume", "4", "partnero.circuit-breaker.failure-ratio", "0.5",
                    "partnero.circuit-breaker.delay", "1m");
        }
    }

    // ---- calls to Partnero (partnero, shared)

    /** No retries; a breaker that opens after four calls half of which failed, for a second. */
    public static class SmallBreaker extends ConfigOverrides {
        public SmallBreaker() {
            super("partnero.retry.max-retries", "0",
                    "partnero.circuit-breaker.request-volume", "4",
                    "partnero.circuit-breaker.failure-ratio", "0.5",
                    "partnero.circuit-breaker.delay", "1s");
        }
    }

    /** A rate limit per key of a burst of 2, then one call every 10 s, no wait. */
    public static class TwoThenOneEveryTenSeconds extends ConfigOverrides {
        public TwoThenOneEveryTenSeconds() {
            super("partnero.rate-limit.requests-per-second", "0.1", "partnero.rate-limit.burst", "2",
                    "partnero.rate-limit.max-wait", "0s");
        }
    }

    /** {@link TwoThenOneEveryTenSeconds} held in Redis, the data cache's backend. */
    public static class SharedTwoThenOneEveryTenSeconds extends TwoThenOneEveryTenSeconds {
        public SharedTwoThenOneEveryTenSeconds() {
            set("partnero.cache.enabled", "true",
                    // a loaded machine's first command may take longer than the default 200 ms, and fall back to the local bucket
                    "partnero.cache.redis.timeout", "2s");
        }
    }

    /** A rate limit per key of one call every 4 s, waiting up to 4 s for a permit. */
    public static class OneEveryFourSecondsWaitingFour extends ConfigOverrides {
        public OneEveryFourSecondsWaitingFour() {
            super("partnero.rate-limit.requests-per-second", "0.25", "partnero.rate-limit.burst", "1",
                    "partnero.rate-limit.max-wait", "4s");
        }
    }

    /** A whole-call deadline of 2 s, well within each attempt's read timeout of 10 s. */
    public static class TwoSecondDeadline extends ConfigOverrides {
        public TwoSecondDeadline() {
            super("partnero.deadline", "2s", "quarkus.rest-client.partnero.read-timeout", "10000");
        }
    }

    /** Partnero's URL on a port where nothing listens. */
    public static class PointingAtAClosedPort extends ConfigOverrides {
        public PointingAtAClosedPort() {
            super("partnero.api.url", "http://127.0.0.1:" + closedPort() + "/v1",
                    "partnero.api.key", "server-key");
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** No server-side key: only clients that bring their own are served. */
    public static class WithoutServerKey extends ConfigOverrides {
        public WithoutServerKey() {
            super("partnero.api.key", "");
        }
    }

    /** The embedded Partnero simulator, as {@code ./mvnw quarkus:dev} talks to it. */
    public static class DevUpstream extends ConfigOverrides {
        public DevUpstream() {
            super("partnero.dev-upstream.enabled", "true",
                    "partnero.api.url", "http://localhost:${quarkus.http.test-port}/dev-upstream/v1",
                    "partnero.api.key", "any-key-will-do");
        }
    }

    // ---- the engine

    /** At most 2 Partnero calls, 3 levels and 6 fields per operation. */
    public static class TightLimits extends ConfigOverrides {
        public TightLimits() {
            super("partnero.limits.max-upstream-calls", "2", "partnero.limits.max-depth", "3",
                    "partnero.limits.max-fields", "6");
        }
    }

    /** Batches of up to 3 operations. */
    public static class BatchesOfUpToThree extends ConfigOverrides {
        public BatchesOfUpToThree() {
            super("partnero.batching.max-operations", "3");
        }
    }

    /**
     * SmallRye GraphQL's own settings, which the gateway's wiring must still honour: its depth limit, at 2,
     * and an operator's field-visibility pattern hiding {@code Customer.surname}.
     */
    public static class SmallRyeSettings extends ConfigOverrides {
        public SmallRyeSettings() {
            super("quarkus.smallrye-graphql.instrumentation-query-depth", "2",
                    "quarkus.smallrye-graphql.field-visibility", "Customer.surname");
        }
    }

    /** Compiled plans off: every operation through graphql-java's own execution. */
    public static class CompiledPlansOff extends ConfigOverrides {
        public CompiledPlansOff() {
            super("partnero.compiled-plans.enabled", "false");
        }
    }

    /** OpenTelemetry tracing on. */
    public static class TracingOn extends ConfigOverrides {
        public TracingOn() {
            super("quarkus.otel.sdk.disabled", "false");
        }
    }

    /** Slow and idle clients cut within seconds: a 2 s idle timeout, a 3 s body deadline. */
    public static class ShortClientTimeouts extends ConfigOverrides {
        public ShortClientTimeouts() {
            super("quarkus.http.idle-timeout", "2s", "partnero.limits.body-timeout", "3s");
        }
    }

    // ---- documents

    /** Persisted queries kept up to 3. */
    public static class SmallPersistedQueryStore extends ConfigOverrides {
        public SmallPersistedQueryStore() {
            super("partnero.persisted-queries.max-size", "3");
        }
    }

    /** Automatic persisted queries off. */
    public static class PersistedQueriesOff extends ConfigOverrides {
        public PersistedQueriesOff() {
            super("partnero.persisted-queries.enabled", "false");
        }
    }

    /** Every request names its document by hash. */
    public static class PersistedOnly extends ConfigOverrides {
        public PersistedOnly() {
            super("partnero.documents.mode", "persisted-only");
        }
    }

    /** Only the documents of Apollo's manifest {@code documents/apollo-manifest.json} run. */
    public static class TrustedApolloManifest extends ConfigOverrides {
        public TrustedApolloManifest() {
            super("partnero.documents.mode", "trusted", "partnero.documents.manifest", "src/test/resources/documents/apollo-manifest.json");
        }
    }

    // ---- HTTP caching (web)

    /** HTTP caching off. */
    public static class HttpCacheOff extends ConfigOverrides {
        public HttpCacheOff() {
            super("partnero.http-cache.enabled", "false");
        }
    }

    /** GET answers public (one program served to everyone), with the gateway keeping nothing. */
    public static class PublicWithoutCaches extends ConfigOverrides {
        public PublicWithoutCaches() {
            super("partnero.http-cache.scope", "public", "partnero.cache.enabled", "false");
        }
    }
}
