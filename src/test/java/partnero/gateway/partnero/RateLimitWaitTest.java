package partnero.gateway.partnero;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static partnero.gateway.partnero.RateLimitTest.LIST;
import static partnero.gateway.partnero.RateLimitTest.counted;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.onlyPage;
import static partnero.gateway.support.PartneroStub.LIST_PATH;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import partnero.gateway.support.AgainstPartneroStub;
import partnero.gateway.support.ConfigOverrides;
import partnero.gateway.support.GraphQL;

/**
 * The gateway's own limit on calls to Partnero per API key, when calls may wait up to 4 s: one call
 * every 4 s (long enough that a slow machine's pauses between requests do not refill the bucket). The
 * second call waits for its permit; a third at the same time would wait 8 s, and is refused. Each test
 * uses its own client key, so each starts from a full bucket.
 */
@QuarkusTest
@TestProfile(RateLimitWaitTest.OneEveryFourSecondsWaitingFour.class)
class RateLimitWaitTest extends AgainstPartneroStub {

    public static class OneEveryFourSecondsWaitingFour extends ConfigOverrides {
        public OneEveryFourSecondsWaitingFour() {
            super("partnero.rate-limit.requests-per-second", "0.25", "partnero.rate-limit.burst", "1",
                    "partnero.rate-limit.max-wait", "4s");
        }
    }

    String clientKey;

    @BeforeEach
    void newClientKeyAndPartneroAnswering() {
        clientKey = "client-" + UUID.randomUUID();
        wireMock.listAnswers(okJson(onlyPage(ALICE)));
    }

    @Test
    void aCallBeyondTheLimitWaitsForItsPermitAndThenGoes() {
        double waitedBefore = counted("waited");
        GraphQL.postWithKey(clientKey, LIST).body("errors", nullValue());

        GraphQL.postWithKey(clientKey, LIST).body("errors", nullValue()).body("data.customers.items[0].key", equalTo("customer_123"));

        wireMock.verify(2, getRequestedFor(urlPathEqualTo(LIST_PATH)));
        assertThat(counted("waited"), equalTo(waitedBefore + 1));
    }

    @Test
    void concurrentCallsBeyondTheLimitNeverShareAReservedPermit() {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<String>> outcomes = IntStream.range(0, 4)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> outcome(clientKey), clients))
                    .toList();

            // 1 at once, 1 after waiting for the permit it reserved, 2 that would have waited longer than 4 s
            assertThat(outcomes.stream().map(CompletableFuture::join).toList(),
                    containsInAnyOrder("ok", "ok", "RATE_LIMITED", "RATE_LIMITED"));
        } finally {
            clients.shutdownNow();
        }
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    /** "ok" for data, else the first error's code. */
    private static String outcome(String clientKey) {
        JsonPath answer = given().header("Authorization", "Bearer " + clientKey)
                .contentType("application/json").body(Map.of("query", LIST))
                .when().post("/graphql").then().statusCode(200).extract().jsonPath();
        return answer.get("errors") == null ? "ok" : answer.getString("errors[0].extensions.code");
    }
}
