package partnero.gateway.documents;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The persisted documents in this process's heap (Caffeine), bounded both by count
 * ({@code partnero.persisted-queries.max-size}) and by bytes ({@code .max-bytes}): Caffeine takes one
 * weight, so each document weighs at least {@code max-bytes / max-size}, and no more than
 * {@code max-size} of them fit; the least used go first (W-TinyLFU). Its metrics are
 * {@code cache_*{cache="persisted-queries"}}.
 */
@ApplicationScoped
@RegisterForReflection(classNames = { "com.github.benmanes.caffeine.cache.SSSMW", "com.github.benmanes.caffeine.cache.PSMW" },
        fields = true) // the cache and node classes this builder needs in the native executable (LocalCacheFactory)
class CaffeinePersistedQueryStore implements PersistedQueryStore {

    static final String NAME = "persisted-queries";
    /** The key (64 characters), the document's object headers and Caffeine's node. */
    private static final int OVERHEAD_BYTES = 250;

    private final Cache<String, String> documents;

    CaffeinePersistedQueryStore(DocumentsConfig config, MeterRegistry metrics) {
        long maxBytes = config.persistedQueries().maxBytes().asLongValue();
        int leastWeight = (int) Math.min(Integer.MAX_VALUE, maxBytes / Math.max(1, config.persistedQueries().maxSize()));
        this.documents = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .<String, String> weigher((hash, document) -> Math.max(leastWeight,
                        OVERHEAD_BYTES + document.getBytes(StandardCharsets.UTF_8).length))
                .executor(Runnable::run) // evicts on the writing thread, so the bound holds once put returns
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(metrics, documents, NAME);
    }

    @Override
    public Optional<String> get(String hash) {
        return Optional.ofNullable(documents.getIfPresent(hash));
    }

    @Override
    public void put(String hash, String document) {
        documents.put(hash, document);
    }
}
