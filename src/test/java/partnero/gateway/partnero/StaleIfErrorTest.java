package partnero.gateway.partnero;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.BOB_DELETED;
import static partnero.gateway.support.PartneroBodies.onlyPage;
import static partnero.gateway.support.PartneroStub.LIST_PATH;
import static partnero.gateway.support.Queries.TWO_KEYS;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import partnero.gateway.support.AgainstPartneroStub;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.Profiles;
import partnero.gateway.support.Queries;

/**
 * {@code partnero.cache.stale-if-error}: when Partnero fails, the last good data answers instead of the
 * error, and the answer says so in {@code extensions.stale}. Entries here are stale a millisecond after
 * they were fetched ({@code partnero.cache.ttl=1ms}), so every request after the first asks Partnero
 * again; each test has its own client key.
 */
@QuarkusTest
@TestProfile(Profiles.StaleIfError.class)
class StaleIfErrorTest extends AgainstPartneroStub {

    @ParameterizedTest
    @CsvSource({ "503, UPSTREAM_UNAVAILABLE", "429, RATE_LIMITED" })
    void whenPartneroFailsTheLastGoodDataAnswersAndSaysWhy(int status, String avoided) {
        askedAgainWhilePartneroAnswers(aResponse().withStatus(status))
                .body("errors", nullValue())
                .body("data.customers.items[0].key", equalTo("customer_123"))
                .body("extensions.stale.reason", equalTo(avoided))
                .body("extensions.stale.ageSeconds", greaterThanOrEqualTo(0));

        wireMock.verify(2, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    @Test
    void aTimeoutIsAvoidedToo() {
        askedAgainWhilePartneroAnswers(okJson(onlyPage(BOB_DELETED)).withFixedDelay(3_000)) // the test read timeout is 1.5 s
                .body("data.customers.items[0].key", equalTo("customer_123"))
                .body("extensions.stale.reason", equalTo("UPSTREAM_TIMEOUT"));
    }

    @ParameterizedTest
    @CsvSource({ "401, UNAUTHENTICATED", "403, FORBIDDEN" })
    void theClientsOwnErrorsAreNeverPaperedOver(int status, String code) {
        askedAgainWhilePartneroAnswers(aResponse().withStatus(status))
                .body("errors[0].extensions.code", equalTo(code))
                .body("data", nullValue())
                .body("extensions", nullValue());
    }

    @Test
    void withoutEarlierDataTheErrorIsTheAnswer() {
        wireMock.listAnswers(aResponse().withStatus(503));

        GraphQL.postWithKey(clientKey, TWO_KEYS).body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"));
    }

    @Test
    void aStaleAnswerIsKeptNeitherByTheGatewayNorByHttpCaches() {
        ResponseDefinitionBuilder alice = okJson(onlyPage(ALICE));
        wireMock.listAnswers(alice);
        get(TWO_KEYS).statusCode(200);
        wireMock.listAnswers(aResponse().withStatus(503));

        get(TWO_KEYS).statusCode(200)
                .header("Cache-Control", "no-store")
                .header("ETag", nullValue())
                .body("extensions.stale.reason", equalTo("UPSTREAM_UNAVAILABLE"));
        wireMock.listAnswers(okJson(onlyPage(BOB_DELETED)));

        get(TWO_KEYS).body("data.customers.items[0].key", equalTo("customer_456")).body("extensions", nullValue());
    }

    @Test
    void staleAnswersAreCountedByReason() {
        askedAgainWhilePartneroAnswers(aResponse().withStatus(503)).body("extensions.stale.reason", equalTo("UPSTREAM_UNAVAILABLE"));

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("partnero_stale_answers_total{reason=\"UPSTREAM_UNAVAILABLE\"}"));
    }

    /** The client's second request for {@link Queries#TWO_KEYS}, after it fetched Alice, while Partnero answers {@code response}. */
    private ValidatableResponse askedAgainWhilePartneroAnswers(ResponseDefinitionBuilder response) {
        aliceFetchedWithTheClientKey();
        wireMock.listAnswers(response);
        return GraphQL.postWithKey(clientKey, TWO_KEYS);
    }

    private ValidatableResponse get(String query) {
        return given().header("Authorization", "Bearer " + clientKey).queryParam("query", query).when().get("/graphql").then();
    }
}
