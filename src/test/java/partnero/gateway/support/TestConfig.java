package partnero.gateway.support;

import java.time.Duration;
import java.util.Map;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import partnero.gateway.config.GatewayConfig;

/** The gateway's settings for a test that builds a piece by hand: the defaults plus these. */
public final class TestConfig {

    private TestConfig() {
    }

    public static GatewayConfig gatewayConfig(Map<String, String> settings) {
        return new SmallRyeConfigBuilder()
                .withMapping(GatewayConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter()) // "10s" and "16M", as Quarkus reads them
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withSources(new PropertiesConfigSource(settings, "test", 500))
                .build()
                .getConfigMapping(GatewayConfig.class);
    }
}
