package partnero.gateway.partnero;

import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import partnero.gateway.config.CacheConfig;
import partnero.gateway.error.InternalFailures;
import partnero.gateway.shared.SharedStore;

/**
 * Makes the data caches, one per Partnero endpoint, all alike: {@code partnero.cache.*}'s ttl, stale
 * windows and bounds, and, with the Redis backend, their entries under one key kind
 * ({@link partnero.gateway.codec.RedisKeys#graph}) with its refresh claim; none at all when
 * {@code partnero.cache.enabled=false}.
 */
record DataCaches(CacheConfig cache, SharedStore shared, ObjectMapper json, CallConfig call, InternalFailures internal,
        MeterRegistry metrics) {

    /**
     * @param name the cache's name in its metrics
     * @param kind the Redis key kind
     * @param parts a key's parts in its Redis key (the key fingerprint first)
     * @param weigher an estimate of the bytes a value holds
     * @param type the value's type, to read it back from Redis
     * @param check what a value read from Redis must pass to be used
     */
    <K, V> DataCache<K, V> of(String name, String kind, Function<K, String[]> parts, ToIntFunction<V> weigher, JavaType type,
            UnaryOperator<V> check) {
        return of(name, weigher, new DataCache.Sharing<>(shared, kind, k -> shared.keys().graph(kind, parts.apply(k)),
                k -> shared.keys().graphRefresh(kind, parts.apply(k)), json, type, check, call.deadline()));
    }

    /** A cache whose entries travel through Redis as {@code sharing} says. */
    <K, V> DataCache<K, V> of(String name, ToIntFunction<V> weigher, DataCache.Sharing<K, V> sharing) {
        if (!cache.enabled()) {
            return null;
        }
        return new DataCache<>(name, cache.ttl(), cache.staleWhileRevalidate(), cache.staleIfError(), cache.maxBytes().asLongValue(),
                cache.maxSize(), weigher, sharing, internal, metrics);
    }
}
