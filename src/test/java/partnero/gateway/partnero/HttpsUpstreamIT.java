package partnero.gateway.partnero;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static partnero.gateway.support.PartneroStub.LIST_PATH;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.PartneroWireMock;
import partnero.gateway.support.Queries;
import partnero.gateway.support.StubbedPartnero;

/**
 * Partnero is reached over HTTPS, as in production. A native executable only speaks TLS if it was built
 * with SSL support (quarkus.ssl.native) and the JDK's security providers made it into the image; this is
 * where either would fail. Not an {@link partnero.gateway.support.AgainstPartneroStub}: that one brings the
 * plain HTTP resource, and two resources would both set Partnero's URL; the stub and its reset before
 * each test are {@link StubbedPartnero}'s.
 */
@QuarkusIntegrationTest
@WithTestResource(value = PartneroWireMock.class, initArgs = @ResourceArg(name = PartneroWireMock.TLS, value = "true"))
class HttpsUpstreamIT extends StubbedPartnero {

    @BeforeEach
    void partneroServesTheStandardCustomers() {
        wireMock.servesTheStandardCustomers();
    }

    @Test
    void customersAreFetchedOverHttps() {
        GraphQL.answered("{ customers { items { key email } } }")
                .body("data.customers.items[0].key", equalTo("customer_123"));

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + PartneroWireMock.SERVER_KEY)));
    }

    @Test
    void aSearchIsSentOverHttpsWithItsLiteralColon() {
        GraphQL.answered(Queries.KEY_BY_EMAIL)
                .body("data.searchCustomer.key", equalTo("customer_123"));
    }
}
