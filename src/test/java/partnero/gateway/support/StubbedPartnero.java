package partnero.gateway.support;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;

/**
 * A suite whose Partnero is a {@link PartneroStub}, started by the {@link PartneroWireMock} that the
 * subclass names in its {@code @WithTestResource} (over plain HTTP {@link AgainstPartneroStub}, over
 * HTTPS {@code HttpsUpstreamIT}): the stub injected as {@link #wireMock}, forgetting every stub and
 * request before each test; and a {@link #clientKey} of each test's own.
 */
public abstract class StubbedPartnero {

    @InjectWireMock
    protected PartneroStub wireMock;

    /**
     * A client key new for each test: answers, data and rate-limit buckets are per key, so nothing a test
     * kept or spent is another's (the suites also run against the packaged jar, whose caches can't be cleared).
     */
    protected String clientKey;

    @BeforeEach
    void startFromAnEmptyPartneroAndANewKey() {
        wireMock.resetAll();
        clientKey = "client-" + UUID.randomUUID();
    }
}
