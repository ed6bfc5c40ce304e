package partnero.gateway.shared;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.onlyPage;
import static partnero.gateway.support.PartneroStub.LIST_PATH;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import partnero.gateway.support.PackagedGateway;
import partnero.gateway.support.RequiresRedisServer;
import partnero.gateway.support.TwoReplicas;

/**
 * Found by the chaos run (docs/chaos.md): a replica that only ever answered a request from the answer
 * another replica shared through Redis holds none of its data, so once that answer expired, with Redis
 * down and Partnero failing, it had no stale data to stand in and answered with the error, while the
 * other replica answered stale data. The answer it gave stands in for itself within stale-if-error.
 */
@RequiresRedisServer
class StaleBehindSharedAnswersIT {

    static final int TTL_SECONDS = 2;

    @RegisterExtension
    static final TwoReplicas replicas = new TwoReplicas("server-key-shared-answers", "partnero.cache.ttl=" + TTL_SECONDS + "s",
            "partnero.cache.stale-while-revalidate=4s", "partnero.cache.stale-if-error=10m",
            // Partnero's 503s are not retried, and do not open the breaker; the answer cache is on (its default)
            "partnero.retry.max-retries=0", "partnero.circuit-breaker.request-volume=1000");

    @BeforeAll
    static void warmUp() {
        replicas.warmUp("{ __typename }");
    }

    @Test
    void aReplicaThatOnlyGaveTheSharedAnswerStillAnswersItStaleWhenRedisAndPartneroFail() {
        int limit = 5;
        answers(limit, okJson(onlyPage(ALICE)));
        post(replicas.first(), limit).body("data.customers.items[0].key", equalTo("customer_123"));
        long fetched = System.currentTimeMillis();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !replicas.redis().keys().isEmpty());
        post(replicas.second(), limit).body("data.customers.items[0].key", equalTo("customer_123")); // the shared answer
        assertEquals(1, calls(limit), "the second replica answered from the first's answer, without a call");

        answers(limit, aResponse().withStatus(503));
        replicas.redis().kill();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> System.currentTimeMillis() >= fetched + TTL_SECONDS * 1000L + 100); // the answer has expired

            post(replicas.second(), limit)
                    .body("errors", nullValue())
                    .body("data.customers.items[0].key", equalTo("customer_123"))
                    .body("extensions.stale.reason", equalTo("UPSTREAM_UNAVAILABLE"));
            assertEquals(2, calls(limit), "the second replica tried Partnero first");
        } finally {
            replicas.redis().restart();
        }
    }

    /**
     * Found by the chaos run: a replica restarted during a Partnero slowdown timed out on its first
     * Redis reads (a process's first seconds are slow), so it called Partnero for data it had never
     * fetched, and answered Partnero's failure while Redis held that data all along. Here Redis is
     * paused ({@code CLIENT PAUSE}) past the gateway's Redis deadline (200 ms) while the second replica
     * reads it; Partnero fails after Redis is back, and the second replica reads Redis again.
     */
    @Test
    void aReplicaWhoseRedisReadsTimedOutReadsRedisAgainWhenPartneroFails() {
        int limit = 6;
        answers(limit, okJson(onlyPage(ALICE)));
        int kept = replicas.redis().keys().size();
        post(replicas.first(), limit).body("data.customers.items[0].key", equalTo("customer_123"));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> replicas.redis().keys().size() >= kept + 2); // data and answer

        answers(limit, aResponse().withStatus(503).withFixedDelay(1_500));
        replicas.redis().command("CLIENT", "PAUSE", "1000");

        post(replicas.second(), limit)
                .body("errors", nullValue())
                .body("data.customers.items[0].key", equalTo("customer_123"));
        assertEquals(2, calls(limit), "the second replica, finding nothing in Redis in time, asked Partnero once");
    }

    private static void answers(int limit, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        replicas.partnero().stubFor(get(urlPathEqualTo(LIST_PATH))
                .withQueryParam("limit", com.github.tomakehurst.wiremock.client.WireMock.equalTo(Integer.toString(limit)))
                .willReturn(response));
    }

    private static int calls(int limit) {
        return replicas.partnero().findAll(getRequestedFor(urlPathEqualTo(LIST_PATH))
                .withQueryParam("limit", com.github.tomakehurst.wiremock.client.WireMock.equalTo(Integer.toString(limit)))).size();
    }

    private static ValidatableResponse post(PackagedGateway replica, int limit) {
        return given().baseUri(replica.baseUri().toString()).contentType(ContentType.JSON)
                .body(Map.of("query", "{ customers(limit: " + limit + ") { items { key } } }"))
                .post("/graphql").then().statusCode(200);
    }
}
