package partnero.gateway.apikey;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static partnero.gateway.support.PartneroStub.SEARCH_PATH;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.support.AgainstAliceFound;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.Profiles;

/** A gateway deployed without PARTNERO_API_KEY serves only clients that bring their own key. */
@QuarkusTest
@TestProfile(Profiles.WithoutServerKey.class)
class NoServerKeyTest extends AgainstAliceFound {

    @Test
    void withoutAnyKeyTheRequestIsUnauthenticatedAndNothingIsSent() {
        GraphQL.post("{ searchCustomer(id: \"customer_123\") { key } }")
                .body("data.searchCustomer", nullValue())
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].extensions.upstreamStatus", nullValue());

        wireMock.verifyNoCall();
    }

    @Test
    void aBlankBearerTokenIsNoKeyEither() {
        GraphQL.post(given().header("Authorization", "Bearer  "), "{ customers { items { key } } }")
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));

        wireMock.verifyNoCall();
    }

    @Test
    void thePartneroHealthCheckIsUpAndSaysThereIsNoKeyToTry() {
        given().when().get("/q/health/group/partnero").then().statusCode(200)
                .body("checks[0].status", equalTo("UP"))
                .body("checks[0].data.key", org.hamcrest.Matchers.startsWith("none configured"));

        wireMock.verifyNoCall();
    }

    @Test
    void aClientWithItsOwnKeyIsServed() {
        GraphQL.answeredWithKey("client-key-d", "{ searchCustomer(id: \"customer_123\") { key } }")
                .body("data.searchCustomer.key", equalTo("customer_123"));

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(SEARCH_PATH)));
    }
}
