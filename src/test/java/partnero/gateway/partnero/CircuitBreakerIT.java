package partnero.gateway.partnero;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static partnero.gateway.partnero.CircuitBreakerTest.openTheBreakerWithFourHttp500s;
import static partnero.gateway.partnero.CircuitBreakerTest.partneroRecoversAndSoDoesTheGateway;
import static partnero.gateway.support.Queries.KEYS;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.support.AgainstPartneroStub;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.Profiles;

/**
 * The circuit breaker of the packaged application (SmallRye Fault Tolerance's programmatic guard and its
 * Micrometer gauge). Not a subclass of {@link CircuitBreakerTest}: that one closes the breaker between
 * tests from inside the application, which a test cannot do to a separate process, so here one test
 * follows the breaker through its whole cycle.
 */
@QuarkusIntegrationTest
@TestProfile(Profiles.SmallBreaker.class)
class CircuitBreakerIT extends AgainstPartneroStub {

    @Test
    void aRunOfOutagesOpensTheBreakerWhichAnswersWithoutCallingPartneroUntilPartneroRecovers() {
        openTheBreakerWithFourHttp500s(wireMock);

        GraphQL.post(KEYS)
                .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"))
                .body("errors[0].extensions.upstreamStatus", nullValue());
        wireMock.verifyNoCall();
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("ft_circuitbreaker_state_current{method=\"partnero\",state=\"open\"} 1.0"));

        partneroRecoversAndSoDoesTheGateway(wireMock);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("ft_circuitbreaker_state_current{method=\"partnero\",state=\"closed\"} 1.0"));
    }
}
