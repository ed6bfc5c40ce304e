package partnero.gateway.customer;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.BOB_DELETED;
import static partnero.gateway.support.PartneroStub.SEARCH_PATH;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.junit.QuarkusTest;
import partnero.gateway.support.AgainstPartneroStub;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.PartneroWireMock;

@QuarkusTest
class SearchCustomerQueryTest extends AgainstPartneroStub {

    @Test
    void searchByEmailSendsTheColonLiterallyAndTheEmailIntact() {
        wireMock.searchFinds(ALICE);

        GraphQL.answered("{ searchCustomer(email: \"alice.brown+vip@partnero.com\") { key email } }")
                .body("data.searchCustomer.key", equalTo("customer_123"));

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(SEARCH_PATH))
                .withQueryParam("email", WireMock.equalTo("alice.brown+vip@partnero.com"))
                .withQueryParam("id", absent())
                .withHeader("Accept", WireMock.equalTo("application/json"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + PartneroWireMock.SERVER_KEY)));
        assertThat("the raw request line", onlyRequest().getUrl(), startsWith(SEARCH_PATH + "?"));
    }

    @Test
    void searchByIdSendsOnlyTheId() {
        wireMock.searchFinds(BOB_DELETED);

        GraphQL.answered("{ searchCustomer(id: \"customer_456\") { key deleted deletedAt partnerKey } }")
                .body("data.searchCustomer.key", equalTo("customer_456"))
                .body("data.searchCustomer.deleted", equalTo(true))
                .body("data.searchCustomer.deletedAt", equalTo("2025-02-11T11:30:00Z"))
                .body("data.searchCustomer.partnerKey", nullValue());

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(SEARCH_PATH))
                .withQueryParam("id", WireMock.equalTo("customer_456"))
                .withQueryParam("email", absent()));
        assertThat(onlyRequest().getUrl(), startsWith(SEARCH_PATH + "?"));
    }

    @Test
    void aOneElementArrayIsTheCustomer() {
        wireMock.searchAnswers(okJson("{\"data\": [" + ALICE + "], \"status\": 1}"));

        GraphQL.answered("{ searchCustomer(id: \"customer_123\") { key name } }")
                .body("data.searchCustomer.key", equalTo("customer_123"))
                .body("data.searchCustomer.name", equalTo("Alice"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"data\": null, \"status\": 1}", "{\"data\": [], \"status\": 1}", "{\"status\": 1}" })
    void anEmptyAnswerIsNoMatchWithoutError(String body) {
        wireMock.searchAnswers(okJson(body));

        GraphQL.answered("{ searchCustomer(email: \"nobody@example.com\") { key } }")
                .body("data.searchCustomer", nullValue());
    }

    @Test
    void a404IsNoMatchWithoutError() {
        wireMock.searchAnswers(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"Customer not found.\", \"status\": 0}"));

        GraphQL.answered("{ searchCustomer(id: \"customer_000\") { key } }")
                .body("data.searchCustomer", nullValue());
    }

    @Test
    void moreThanOneCustomerForOneSearchIsABadResponse() {
        wireMock.searchAnswers(okJson("{\"data\": [" + ALICE + "," + BOB_DELETED + "], \"status\": 1}"));

        GraphQL.post("{ searchCustomer(email: \"alice.brown@partnero.com\") { key } }")
                .body("data.searchCustomer", nullValue())
                .body("errors[0].extensions.code", equalTo("UPSTREAM_BAD_RESPONSE"))
                .body("errors[0].path[0]", equalTo("searchCustomer"));
    }

    private LoggedRequest onlyRequest() {
        var requests = wireMock.findAll(getRequestedFor(urlPathEqualTo(SEARCH_PATH)));
        assertThat(requests.size(), equalTo(1));
        return requests.get(0);
    }
}
