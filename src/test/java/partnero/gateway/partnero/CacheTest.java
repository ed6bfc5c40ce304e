package partnero.gateway.partnero;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.BOB_DELETED;
import static partnero.gateway.support.PartneroBodies.page;
import static partnero.gateway.support.PartneroStub.LIST_PATH;
import static partnero.gateway.support.PartneroStub.SEARCH_PATH;
import static partnero.gateway.support.Queries.KEY_BY_EMAIL;
import static partnero.gateway.support.Queries.TWO_KEYS;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.support.AgainstPartneroStub;
import partnero.gateway.support.AtOnce;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.Profiles;

/**
 * The cache of Partnero's answers. Each test uses its own client key, so entries of one test are
 * never hits of another (the suite also runs against the packaged jar, where the cache can't be cleared).
 */
@QuarkusTest
@TestProfile(Profiles.DataCacheOn.class)
class CacheTest extends AgainstPartneroStub {

    @Test
    void aRepeatedQueryWithinTheTtlIsServedFromTheCache() {
        wireMock.listAnswers(okJson(page(1, 2, "1", "1", "null", "null", ALICE)));

        GraphQL.postWithKey(clientKey, TWO_KEYS).body("data.customers.items[0].key", equalTo("customer_123"));
        GraphQL.postWithKey(clientKey, TWO_KEYS).body("data.customers.items[0].key", equalTo("customer_123"));

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*cache_gets_total\\{cache=\"partnero-customer-pages\",result=\"hit\"} [1-9].*"))
                .body(containsString("cache_size{cache=\"partnero-customer-pages\"}"));
    }

    @Test
    void differentArgumentsAreDifferentEntries() {
        wireMock.listAnswers(okJson(page(1, 2, "1", "1", "null", "null", ALICE)));

        GraphQL.postWithKey(clientKey, TWO_KEYS);
        GraphQL.postWithKey(clientKey, "{ customers(limit: 2, partnerKey: \"partner_123\") { items { key } } }");
        GraphQL.postWithKey(clientKey, "{ customers(limit: 3) { items { key } } }");

        wireMock.verify(3, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    @Test
    void clientsWithDifferentKeysNeverShareAnEntry() {
        wireMock.listAnswers(okJson(page(1, 2, "1", "1", "null", "null", ALICE)));
        String otherKey = "client-" + UUID.randomUUID();

        GraphQL.postWithKey(clientKey, TWO_KEYS);
        GraphQL.postWithKey(otherKey, TWO_KEYS);

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + clientKey)));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + otherKey)));
    }

    @Test
    void failuresAreNeverCached() {
        wireMock.listFailsOnceThenAnswers(aResponse().withStatus(500), okJson(page(1, 2, "1", "1", "null", "null", ALICE)));

        GraphQL.postWithKey(clientKey, TWO_KEYS).body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"));
        GraphQL.postWithKey(clientKey, TWO_KEYS).body("errors", nullValue())
                .body("data.customers.items[0].key", equalTo("customer_123"));

        wireMock.verify(2, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    @Test
    void noMatchIsCachedLikeAnAnswer() {
        wireMock.searchAnswers(aResponse().withStatus(404));

        GraphQL.postWithKey(clientKey, KEY_BY_EMAIL).body("data.searchCustomer", nullValue()).body("errors", nullValue());
        GraphQL.postWithKey(clientKey, KEY_BY_EMAIL).body("data.searchCustomer", nullValue()).body("errors", nullValue());

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(SEARCH_PATH)));
    }

    @Test
    void searchesAreCachedToo() {
        wireMock.searchFinds(ALICE);

        GraphQL.postWithKey(clientKey, KEY_BY_EMAIL).body("data.searchCustomer.key", equalTo("customer_123"));
        GraphQL.postWithKey(clientKey, KEY_BY_EMAIL).body("data.searchCustomer.key", equalTo("customer_123"));

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(SEARCH_PATH)));
    }

    @Test
    void concurrentIdenticalMissesMakeOneUpstreamCall() {
        wireMock.listAnswers(okJson(page(1, 2, "1", "2", "null", "null", ALICE, BOB_DELETED)).withFixedDelay(2_000));
        List<String> answers = AtOnce.posts(24, clientKey, TWO_KEYS);

        answers.forEach(answer -> org.hamcrest.MatcherAssert.assertThat(answer,
                containsString("\"items\":[{\"key\":\"customer_123\"},{\"key\":\"customer_456\"}]")));

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }
}
