package partnero.gateway.support;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.hamcrest.Matchers.equalTo;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.onlyPage;

import io.quarkus.test.common.WithTestResource;

/**
 * What every suite that talks to Partnero shares: WireMock playing Partnero over plain HTTP
 * ({@link PartneroWireMock}), injected as {@link #wireMock}, forgetting every stub and request before
 * each test; and a {@link #clientKey} of each test's own ({@link StubbedPartnero}).
 */
@WithTestResource(PartneroWireMock.class)
public abstract class AgainstPartneroStub extends StubbedPartnero {

    /**
     * Partnero lists Alice and the test's client has asked for {@link Queries#TWO_KEYS} once, with its
     * key: the earlier good data that the stale-data suites fall back on.
     */
    protected void aliceFetchedWithTheClientKey() {
        wireMock.listAnswers(okJson(onlyPage(ALICE)));
        GraphQL.postWithKey(clientKey, Queries.TWO_KEYS).body("data.customers.items[0].key", equalTo("customer_123"));
    }
}
