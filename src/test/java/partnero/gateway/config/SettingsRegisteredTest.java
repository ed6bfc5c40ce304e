package partnero.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.SmallRyeConfig;

/**
 * Every settings interface of the gateway is registered in the running application. Quarkus registers
 * only the {@code @ConfigMapping}s something injects; a setting under {@code partnero.} that no
 * registered interface maps stops the start ("does not map to any root"), as
 * {@code %dev.partnero.dev-upstream.enabled} did to {@code ./mvnw quarkus:dev} when its interface was
 * injected nowhere.
 */
@QuarkusTest
class SettingsRegisteredTest {

    @Test
    void everySettingsInterfaceIsRegistered() {
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        List<String> unregistered = new ArrayList<>();
        for (Class<?> mapping : ConfigurationTableTest.MAPPINGS) {
            try {
                config.getConfigMapping(mapping);
            } catch (RuntimeException e) {
                unregistered.add(mapping.getName() + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), unregistered);
    }
}
