package partnero.gateway.answers;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.runtime.annotations.RegisterForReflection;
import partnero.gateway.config.CacheConfig;

/**
 * The answers in this process's heap (Caffeine): each entry expires at its own time and the whole
 * is bounded by the bytes it holds ({@code partnero.answer-cache.max-bytes}). Caffeine directly, as
 * Quarkus Cache offers neither per-entry expiry nor a weight. Its metrics are
 * {@code cache_*{cache="graphql-answers"}}.
 */
@ApplicationScoped
@RegisterForReflection(classNames = { "com.github.benmanes.caffeine.cache.SSSMWA", "com.github.benmanes.caffeine.cache.SSSMWW" },
        fields = true) // the cache classes these two builders need in the native executable (LocalCacheFactory)
class CaffeineAnswerStore implements AnswerStore {

    static final String NAME = "graphql-answers";
    /** The key, the record and Caffeine's node, besides the body. */
    private static final int OVERHEAD_BYTES = 200;

    private final Cache<String, StoredAnswer> answers;

    CaffeineAnswerStore(AnswerCacheConfig config, CacheConfig cache, MeterRegistry metrics) {
        long standInMillis = cache.staleIfError().toMillis(); // an expired answer may stand in for a failed run that long
        this.answers = Caffeine.newBuilder()
                .maximumWeight(config.maxBytes().asLongValue())
                .<String, StoredAnswer> weigher((key, answer) -> OVERHEAD_BYTES + key.length() + answer.body().length)
                .expireAfter(Expiry.<String, StoredAnswer> creating((key, answer) -> java.time.Duration.ofMillis(
                        Math.max(0, answer.expiresAtMillis() + standInMillis - System.currentTimeMillis()))))
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(metrics, answers, NAME);
    }

    @Override
    public Optional<StoredAnswer> get(String key) {
        return held(key).filter(answer -> answer.expiresAtMillis() > System.currentTimeMillis()); // kept past it for stand-ins
    }

    @Override
    public Optional<StoredAnswer> held(String key) {
        return Optional.ofNullable(answers.getIfPresent(key));
    }

    @Override
    public void put(String key, StoredAnswer answer) {
        answers.put(key, answer);
    }
}
