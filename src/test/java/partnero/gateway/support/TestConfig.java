package partnero.gateway.support;

import java.time.Duration;
import java.util.Map;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The gateway's settings for a test that builds a piece by hand: one settings interface, its defaults plus these. */
public final class TestConfig {

    private TestConfig() {
    }

    public static <T> T settings(Class<T> mapping, Map<String, String> settings) {
        return new SmallRyeConfigBuilder()
                .withMapping(mapping)
                .withConverter(Duration.class, 100, new DurationConverter()) // "10s" and "16M", as Quarkus reads them
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withSources(new PropertiesConfigSource(settings, "test", 500))
                .build()
                .getConfigMapping(mapping);
    }
}
