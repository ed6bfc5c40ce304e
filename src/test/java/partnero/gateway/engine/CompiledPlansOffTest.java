package partnero.gateway.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static partnero.gateway.support.PartneroStub.SEARCH_PATH;

import java.util.Map;

import jakarta.inject.Inject;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.support.AgainstPartneroStub;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.Profiles;

/** {@code partnero.compiled-plans.enabled=false}: every request runs through graphql-java, with the same answers. */
@QuarkusTest
@TestProfile(Profiles.CompiledPlansOff.class)
class CompiledPlansOffTest extends AgainstPartneroStub {

    @Inject
    CompiledPlans plans;

    @Test
    void aRepeatedDocumentIsAnsweredByGraphQLJavaEveryTime() {
        wireMock.servesTheStandardCustomers();
        String query = "query Find($id: String) { searchCustomer(id: $id) { key email } }";

        for (String id : new String[] { "customer_123", "customer_456", "customer_789" }) {
            GraphQL.post(query, Map.of("id", id))
                    .body("errors", Matchers.nullValue())
                    .body("data.searchCustomer.email", Matchers.equalTo("alice.brown@partnero.com"));
        }

        assertFalse(plans.enabled());
        assertEquals(0.0, plans.answeredCount());
        assertEquals(0.0, plans.handedOverCount());
        wireMock.verify(3, getRequestedFor(urlPathEqualTo(SEARCH_PATH)));
    }
}
