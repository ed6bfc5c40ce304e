package partnero.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.page;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.InjectWireMock;
import partnero.gateway.support.PartneroWireMock;

/** A run of Partnero failures opens the breaker; while open nothing is sent; it half-opens and recovers. */
@QuarkusTest
@WithTestResource(PartneroWireMock.class)
@TestProfile(CircuitBreakerTest.SmallBreaker.class)
class CircuitBreakerTest {

    public static class SmallBreaker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "partnero.retry.max-retries", "0",
                    "partnero.circuit-breaker.request-volume", "4",
                    "partnero.circuit-breaker.failure-ratio", "0.5",
                    "partnero.circuit-breaker.delay", "1s");
        }
    }

    static final String LIST = "{ customers { items { key } } }";

    @InjectWireMock
    WireMockServer wireMock;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
    }

    @AfterEach
    void closeBreaker() {
        CircuitBreakerMaintenance.get().resetAll();
    }

    @Test
    void aRunOfOutagesOpensTheBreakerWhichThenAnswersWithoutCallingPartnero() {
        wireMock.stubFor(get(urlPathEqualTo("/v1/customers")).willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 4; i++) {
            GraphQL.post(LIST).body("errors[0].extensions.upstreamStatus", equalTo(500));
        }
        wireMock.resetRequests();

        GraphQL.post(LIST)
                .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"))
                .body("errors[0].extensions.upstreamStatus", nullValue())
                .body("errors[0].message", equalTo("Partnero is failing; the gateway pauses calls to it for a few seconds"));

        wireMock.verify(0, anyRequestedFor(anyUrl()));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("ft_circuitbreaker_state_current{method=\"partnero\",state=\"open\"} 1.0"))
                .body(containsString("ft_circuitbreaker_state_current{method=\"partnero\",state=\"closed\"} 0.0"));
    }

    @Test
    void theBreakerHalfOpensAndRecoversWhenPartneroDoes() {
        wireMock.stubFor(get(urlPathEqualTo("/v1/customers")).willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < 4; i++) {
            GraphQL.post(LIST).body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"));
        }
        wireMock.stubFor(get(urlPathEqualTo("/v1/customers")).willReturn(okJson(page(1, 15, "1", "1", "null", "null", ALICE))));

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonPath answer = GraphQL.post(LIST).extract().jsonPath();
            return "customer_123".equals(answer.getString("data.customers.items[0].key"));
        });
    }

    @Test
    void clientErrorsDoNotOpenTheBreaker() {
        wireMock.stubFor(get(urlPathEqualTo("/v1/customers")).willReturn(aResponse().withStatus(401)));
        for (int i = 0; i < 8; i++) {
            GraphQL.post(LIST).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        }

        GraphQL.post(LIST).body("errors[0].extensions.upstreamStatus", equalTo(401));
    }
}
