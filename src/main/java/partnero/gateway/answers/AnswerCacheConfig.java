package partnero.gateway.answers;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The cache of whole GraphQL answers ({@code partnero.answer-cache.*}); on only while {@code partnero.cache.enabled}. */
@ConfigMapping(prefix = "partnero.answer-cache")
public interface AnswerCacheConfig {

    /** Whether repeated GraphQL requests are answered with the stored answer (only while {@code partnero.cache.enabled}). */
    @WithDefault("true")
    boolean enabled();

    /** Most memory the stored answers hold (their bytes). */
    @WithDefault("16M")
    MemorySize maxBytes();
}
