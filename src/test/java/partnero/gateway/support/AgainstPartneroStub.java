package partnero.gateway.support;

import io.quarkus.test.common.WithTestResource;

/**
 * What every suite that talks to Partnero shares: WireMock playing Partnero over plain HTTP
 * ({@link PartneroWireMock}), injected as {@link #wireMock}, forgetting every stub and request before
 * each test; and a {@link #clientKey} of each test's own ({@link StubbedPartnero}).
 */
@WithTestResource(PartneroWireMock.class)
public abstract class AgainstPartneroStub extends StubbedPartnero {
}
