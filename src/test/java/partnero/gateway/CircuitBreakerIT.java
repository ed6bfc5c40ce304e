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

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.InjectWireMock;
import partnero.gateway.support.PartneroWireMock;

/**
 * The circuit breaker of the packaged application (SmallRye Fault Tolerance's programmatic guard and its
 * Micrometer gauge). Not a subclass of {@link CircuitBreakerTest}: that one closes the breaker between
 * tests from inside the application, which a test cannot do to a separate process, so here one test
 * follows the breaker through its whole cycle.
 */
@QuarkusIntegrationTest
@WithTestResource(PartneroWireMock.class)
@TestProfile(CircuitBreakerTest.SmallBreaker.class)
class CircuitBreakerIT {

    static final String LIST = "{ customers { items { key } } }";

    @InjectWireMock
    WireMockServer wireMock;

    @Test
    void aRunOfOutagesOpensTheBreakerWhichAnswersWithoutCallingPartneroUntilPartneroRecovers() {
        wireMock.resetAll();
        wireMock.stubFor(get(urlPathEqualTo("/v1/customers")).willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 4; i++) {
            GraphQL.post(LIST).body("errors[0].extensions.upstreamStatus", equalTo(500));
        }
        wireMock.resetRequests();

        GraphQL.post(LIST)
                .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"))
                .body("errors[0].extensions.upstreamStatus", nullValue());
        wireMock.verify(0, anyRequestedFor(anyUrl()));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("ft_circuitbreaker_state_current{method=\"partnero\",state=\"open\"} 1.0"));

        wireMock.stubFor(get(urlPathEqualTo("/v1/customers")).willReturn(okJson(page(1, 15, "1", "1", "null", "null", ALICE))));
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonPath answer = GraphQL.post(LIST).extract().jsonPath();
            return "customer_123".equals(answer.getString("data.customers.items[0].key"));
        });
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("ft_circuitbreaker_state_current{method=\"partnero\",state=\"closed\"} 1.0"));
    }
}
