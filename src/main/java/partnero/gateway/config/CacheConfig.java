package partnero.gateway.config;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The cache of Partnero's answers ({@code partnero.cache.*}), and the Redis backend replicas share:
 * read by the data cache ({@code partnero}), the answer cache ({@code answers}), the shared store
 * ({@code shared}) and the persisted documents ({@code documents}), so it stands here, below them all.
 * Each setting is also an environment variable ({@code partnero.cache.ttl} is {@code PARTNERO_CACHE_TTL});
 * all are listed in docs/configuration.md ({@code ConfigurationTableTest} holds the table to the code).
 */
@ConfigMapping(prefix = "partnero.cache")
public interface CacheConfig {

    /** Whether anything is cached at all (Partnero's answers and whole GraphQL answers). */
    @WithDefault("true")
    boolean enabled();

    /** How long Partnero's answer is served from the cache after it was fetched. */
    @WithDefault("30s")
    Duration ttl();

    /** Most entries of each data cache (one per Partnero endpoint: customer pages, searches, one customer, partner pages, one partner, transaction pages, one transaction). */
    @WithDefault("10000")
    long maxSize();

    /** Most memory each data cache (one per Partnero endpoint, seven) holds, estimated from the records it keeps. */
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
}
