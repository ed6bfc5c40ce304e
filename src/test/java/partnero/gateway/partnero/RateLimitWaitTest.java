package partnero.gateway.partnero;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static partnero.gateway.partnero.RateLimitTest.counted;
import static partnero.gateway.support.PartneroStub.LIST_PATH;
import static partnero.gateway.support.Queries.KEYS;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import partnero.gateway.support.AgainstAliceListed;
import partnero.gateway.support.AtOnce;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.Profiles;

/**
 * The gateway's own limit on calls to Partnero per API key, when calls may wait up to 4 s: one call
 * every 4 s (long enough that a slow machine's pauses between requests do not refill the bucket). The
 * second call waits for its permit; a third at the same time would wait 8 s, and is refused. Each test
 * uses its own client key, so each starts from a full bucket.
 */
@QuarkusTest
@TestProfile(Profiles.OneEveryFourSecondsWaitingFour.class)
class RateLimitWaitTest extends AgainstAliceListed {

    @Test
    void aCallBeyondTheLimitWaitsForItsPermitAndThenGoes() {
        double waitedBefore = counted("waited");
        GraphQL.postWithKey(clientKey, KEYS).body("errors", nullValue());

        GraphQL.postWithKey(clientKey, KEYS).body("errors", nullValue()).body("data.customers.items[0].key", equalTo("customer_123"));

        wireMock.verify(2, getRequestedFor(urlPathEqualTo(LIST_PATH)));
        assertThat(counted("waited"), equalTo(waitedBefore + 1));
    }

    @Test
    void concurrentCallsBeyondTheLimitNeverShareAReservedPermit() {
        List<String> outcomes = AtOnce.calls(4, () -> outcome(clientKey));

        // 1 at once, 1 after waiting for the permit it reserved, 2 that would have waited longer than 4 s
        assertThat(outcomes, containsInAnyOrder("ok", "ok", "RATE_LIMITED", "RATE_LIMITED"));
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    /** "ok" for data, else the first error's code. */
    private static String outcome(String clientKey) {
        JsonPath answer = given().header("Authorization", "Bearer " + clientKey)
                .contentType("application/json").body(Map.of("query", KEYS))
                .when().post("/graphql").then().statusCode(200).extract().jsonPath();
        return answer.get("errors") == null ? "ok" : answer.getString("errors[0].extensions.code");
    }
}
