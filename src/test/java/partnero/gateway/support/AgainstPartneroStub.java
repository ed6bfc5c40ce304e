package partnero.gateway.support;

import org.junit.jupiter.api.BeforeEach;

import io.quarkus.test.common.WithTestResource;

/**
 * What every suite that talks to Partnero shares: WireMock playing Partnero ({@link PartneroWireMock}),
 * injected as {@link #wireMock}, forgetting every stub and request before each test.
 */
@WithTestResource(PartneroWireMock.class)
public abstract class AgainstPartneroStub {

    @InjectWireMock
    protected PartneroStub wireMock;

    @BeforeEach
    void startFromAnEmptyPartnero() {
        wireMock.resetAll();
    }
}
