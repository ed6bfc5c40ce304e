package partnero.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.one;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.InjectWireMock;
import partnero.gateway.support.PartneroWireMock;

/** A gateway deployed without PARTNERO_API_KEY serves only clients that bring their own key. */
@QuarkusTest
@WithTestResource(PartneroWireMock.class)
@TestProfile(NoServerKeyTest.WithoutServerKey.class)
class NoServerKeyTest {

    public static class WithoutServerKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("partnero.api.key", "");
        }
    }

    @InjectWireMock
    WireMockServer wireMock;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        wireMock.stubFor(get(urlPathEqualTo("/v1/customers:search")).willReturn(okJson(one(ALICE))));
    }

    @Test
    void withoutAnyKeyTheRequestIsUnauthenticatedAndNothingIsSent() {
        GraphQL.post("{ searchCustomer(id: \"customer_123\") { key } }")
                .body("data.searchCustomer", nullValue())
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].extensions.upstreamStatus", nullValue());

        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aBlankBearerTokenIsNoKeyEither() {
        GraphQL.post(given().header("Authorization", "Bearer  "), "{ customers { items { key } } }")
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));

        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void thePartneroHealthCheckIsUpAndSaysThereIsNoKeyToTry() {
        given().when().get("/q/health/group/partnero").then().statusCode(200)
                .body("checks[0].status", equalTo("UP"))
                .body("checks[0].data.key", org.hamcrest.Matchers.startsWith("none configured"));

        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aClientWithItsOwnKeyIsServed() {
        GraphQL.postWithKey("client-key-d", "{ searchCustomer(id: \"customer_123\") { key } }")
                .body("errors", nullValue())
                .body("data.searchCustomer.key", equalTo("customer_123"));

        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/v1/customers:search")));
    }
}
