package partnero.gateway.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static partnero.gateway.support.PartneroBodies.customer;
import static partnero.gateway.support.PartneroBodies.one;
import static partnero.gateway.support.PartneroBodies.onlyPage;
import static partnero.gateway.support.PartneroBodies.partnerDetail;
import static partnero.gateway.support.PartneroBodies.transaction;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.support.AgainstPartneroStub;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.Profiles;

/**
 * {@code partnero.cache.stale-if-error} on the graph: the partner's last good data answers for
 * Partnero's 503, and amounts stay exactly as Partnero wrote them in a stale answer too.
 */
@QuarkusTest
@TestProfile(Profiles.StaleIfError.class)
class NestedStaleIfErrorTest extends AgainstPartneroStub {

    private static final String WITH_PARTNER = "{ customers { items { key partner { id referralsCount } } } }";

    @Test
    void aNestedFailureIsAnsweredByStaleDataAndSaysSo() {
        wireMock.listAnswers(okJson(onlyPage(customer("c0", "p0"))));
        wireMock.stubFor(get(urlEqualTo("/v1/partners/p0")).willReturn(okJson(one(partnerDetail("p0")))));
        GraphQL.answeredWithKey(clientKey, WITH_PARTNER).body("data.customers.items[0].partner.referralsCount", equalTo(3));

        wireMock.stubFor(get(urlEqualTo("/v1/partners/p0")).willReturn(aResponse().withStatus(503)));
        wireMock.stubFor(get(urlEqualTo("/v1/partners/p9")).willReturn(aResponse().withStatus(503)));

        GraphQL.answeredWithKey(clientKey, WITH_PARTNER)
                .body("data.customers.items[0].partner.id", equalTo("p0"))
                .body("data.customers.items[0].partner.referralsCount", equalTo(3))
                .body("extensions.stale.reason", equalTo("UPSTREAM_UNAVAILABLE"));
        // data never fetched before has no stale stand-in: that field alone fails
        GraphQL.postWithKey(clientKey, "{ customers { items { key partner { id } } } partner(id: \"p9\") { id } }")
                .body("data.customers.items[0].partner.id", equalTo("p0"))
                .body("data.partner", nullValue())
                .body("errors[0].path[0]", equalTo("partner"))
                .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"));
    }

    /** The chaos run saw Partnero's "40.00" answered as 40.0 once the answer was marked stale. */
    @Test
    void aStaleAnswerKeepsAmountsExactlyAsPartneroWroteThem() {
        wireMock.stubFor(get(urlPathEqualTo("/v1/transactions"))
                .willReturn(okJson(onlyPage(transaction("t40", "c1", "p1", "\"40.00\"")))));
        String query = "{ transactions(customerKey: \"c1\") { items { key amount } } }";
        GraphQL.answeredWithKey(clientKey, query).body(containsString("\"amount\":40.00"));

        wireMock.stubFor(get(urlPathEqualTo("/v1/transactions")).willReturn(aResponse().withStatus(503)));

        GraphQL.answeredWithKey(clientKey, query)
                .body("extensions.stale.reason", equalTo("UPSTREAM_UNAVAILABLE"))
                .body(containsString("\"amount\":40.00"));
    }
}
