package partnero.gateway.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a WireMock server that plays Partnero, and points the gateway at it with a server-side key.
 * Tests stub and verify through the server injected into their {@link InjectWireMock} field.
 */
public class PartneroWireMock implements QuarkusTestResourceLifecycleManager {

    /** The key the gateway is configured with, as {@code PARTNERO_API_KEY} would set it. */
    public static final String SERVER_KEY = "server-key-0b5e7c";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        return Map.of(
                "partnero.api.url", server.baseUrl() + "/v1",
                "partnero.api.key", SERVER_KEY);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
