package partnero.gateway.partnero;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.onlyPage;
import static partnero.gateway.support.Queries.KEYS;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import partnero.gateway.support.AgainstPartneroStub;
import partnero.gateway.support.BreakersClosedAfterEach;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.PartneroStub;
import partnero.gateway.support.Profiles;

/** A run of Partnero failures opens the breaker; while open nothing is sent; it half-opens and recovers. */
@QuarkusTest
@ExtendWith(BreakersClosedAfterEach.class)
@TestProfile(Profiles.SmallBreaker.class)
class CircuitBreakerTest extends AgainstPartneroStub {

    @Test
    void aRunOfOutagesOpensTheBreakerWhichThenAnswersWithoutCallingPartnero() {
        openTheBreakerWithFourHttp500s(wireMock);

        GraphQL.post(KEYS)
                .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"))
                .body("errors[0].extensions.upstreamStatus", nullValue())
                .body("errors[0].message", equalTo("Partnero is failing; the gateway pauses calls to it for a few seconds"));

        wireMock.verifyNoCall();
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("ft_circuitbreaker_state_current{method=\"partnero\",state=\"open\"} 1.0"))
                .body(containsString("ft_circuitbreaker_state_current{method=\"partnero\",state=\"closed\"} 0.0"));
    }

    @Test
    void theBreakerHalfOpensAndRecoversWhenPartneroDoes() {
        wireMock.listAnswers(aResponse().withStatus(503));
        for (int i = 0; i < 4; i++) {
            GraphQL.post(KEYS).body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"));
        }

        partneroRecoversAndSoDoesTheGateway(wireMock);
    }

    @Test
    void clientErrorsDoNotOpenTheBreaker() {
        wireMock.listAnswers(aResponse().withStatus(401));
        for (int i = 0; i < 8; i++) {
            GraphQL.post(KEYS).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        }

        GraphQL.post(KEYS).body("errors[0].extensions.upstreamStatus", equalTo(401));
    }

    /** Four HTTP 500s in a row (the request volume, all of it failures) open the breaker; their requests are forgotten. */
    static void openTheBreakerWithFourHttp500s(PartneroStub partnero) {
        partnero.listAnswers(aResponse().withStatus(500));
        for (int i = 0; i < 4; i++) {
            GraphQL.post(KEYS).body("errors[0].extensions.upstreamStatus", equalTo(500));
        }
        partnero.resetRequests();
    }

    /** Partnero answers again, and once the breaker half-opens the gateway serves that answer. */
    static void partneroRecoversAndSoDoesTheGateway(PartneroStub partnero) {
        partnero.listAnswers(okJson(onlyPage(ALICE)));
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonPath answer = GraphQL.post(KEYS).extract().jsonPath();
            return "customer_123".equals(answer.getString("data.customers.items[0].key"));
        });
    }
}
