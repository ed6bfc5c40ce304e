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
import static partnero.gateway.support.PartneroBodies.BOB_DELETED;
import static partnero.gateway.support.PartneroBodies.onlyPage;
import static partnero.gateway.support.PartneroStub.LIST_PATH;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import partnero.gateway.support.PackagedGateway;
import partnero.gateway.support.RequiresRedisServer;
import partnero.gateway.support.TwoReplicas;

/**
 * The stale windows across two packaged replicas sharing one Redis, at their edges: an entry is fresh
 * for {@value #TTL_SECONDS} s, answered while refreshed for {@value #SWR_SECONDS} s more
 * (stale-while-revalidate), then served in place of Partnero's failures (stale-if-error, 10 min).
 * Each test asks for its own page ({@code limit}) so that their entries and Partnero's answers are
 * their own. Waiting for an entry to age is waiting for the clock: the windows are wall-clock time.
 * The test that kills Redis runs last, so that the other's replicas share a Redis that never failed.
 */
@RequiresRedisServer
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaleAcrossReplicasIT {

    static final int TTL_SECONDS = 2;
    static final int SWR_SECONDS = 4;

    @RegisterExtension
    static final TwoReplicas replicas = new TwoReplicas("server-key-stale", "partnero.cache.ttl=" + TTL_SECONDS + "s",
            "partnero.cache.stale-while-revalidate=" + SWR_SECONDS + "s", "partnero.cache.stale-if-error=10m",
            // a paused Redis answers within this; Partnero's 503s are not retried, and do not open the breaker
            "partnero.cache.redis.timeout=20s", "partnero.retry.max-retries=0", "partnero.circuit-breaker.request-volume=1000",
            "partnero.answer-cache.enabled=false");

    @BeforeAll
    static void warmUp() {
        replicas.warmUp("{ __typename }");
    }

    /**
     * The chaos run's "System error": a request past stale-while-revalidate joined its replica's
     * background refresh, which had lost the claim to the other replica, and was answered with that
     * refresh's internal "refreshed elsewhere". Here the first replica holds the claim (its refresh
     * failed on Partnero's 503), the second's claim waits on a paused Redis while the entry crosses
     * into stale-if-error, and a request then arrives at the second.
     */
    @Test
    @Order(1)
    void aRequestJoiningARefreshClaimedByTheOtherReplicaAsTheEntryLeavesStaleWhileRevalidateIsAnsweredWithStaleData() {
        int limit = 3;
        long fetched = aliceFetched(limit, replicas.first());
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !replicas.redis().keys().isEmpty());
        answers(limit, aResponse().withStatus(503));

        awaitClock(fetched + TTL_SECONDS * 1000L + 100); // within stale-while-revalidate
        post(replicas.first(), limit).body("data.customers.items[0].key", equalTo("customer_123")).body("extensions", nullValue());
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> calls(limit) == 2); // the first claimed it: its refresh got a 503
        replicas.redis().command("CLIENT", "PAUSE", "6000", "WRITE"); // the second's claim (SET NX) waits, the first's lasts 10 s
        post(replicas.second(), limit).body("data.customers.items[0].key", equalTo("customer_123")).body("extensions", nullValue());
        awaitClock(fetched + (TTL_SECONDS + SWR_SECONDS) * 1000L + 200); // past stale-while-revalidate, the claim still waiting

        for (PackagedGateway replica : new PackagedGateway[] { replicas.second(), replicas.first() }) {
            post(replica, limit)
                    .body("errors", nullValue())
                    .body("data.customers.items[0].key", equalTo("customer_123"))
                    .body("extensions.stale.reason", equalTo("UPSTREAM_UNAVAILABLE"));
        }
        replicas.redis().command("CLIENT", "UNPAUSE");
    }

    /**
     * With Redis down no replica can claim an entry's refresh in Redis, so each claims it for itself:
     * an entry within stale-while-revalidate is answered at once and refreshed by one call per replica.
     */
    @Test
    @Order(2)
    void withRedisDownEachReplicaRefreshesAnEntryWithinStaleWhileRevalidateOnce() {
        int limit = 4;
        long fetched = aliceFetched(limit, replicas.first(), replicas.second());
        int before = calls(limit);
        replicas.redis().kill();
        try {
            answers(limit, okJson(onlyPage(BOB_DELETED)));
            awaitClock(fetched + TTL_SECONDS * 1000L + 100); // within stale-while-revalidate

            long windowEnds = fetched + (TTL_SECONDS + SWR_SECONDS) * 1000L - 300; // past it, a request would fetch itself
            for (PackagedGateway replica : replicas.both()) {
                Awaitility.await().atMost(Duration.ofMillis(windowEnds - System.currentTimeMillis())).pollInterval(Duration.ofMillis(50))
                        .until(() -> post(replica, limit).extract().path("data.customers.items[0].key").equals("customer_456"));
            }

            assertEquals(2, calls(limit) - before, "one refresh per replica");
        } finally {
            replicas.redis().restart();
        }
    }

    /** Partnero lists Alice on the page of {@code limit}, and these replicas fetched it in turn; returns a time after the fetch. */
    private static long aliceFetched(int limit, PackagedGateway... fetchedBy) {
        answers(limit, okJson(onlyPage(ALICE)));
        for (PackagedGateway replica : fetchedBy) {
            post(replica, limit).body("data.customers.items[0].key", equalTo("customer_123"));
        }
        return System.currentTimeMillis(); // the entry was fetched before this
    }

    private static void answers(int limit, ResponseDefinitionBuilder response) {
        replicas.partnero().stubFor(get(urlPathEqualTo(LIST_PATH)).withQueryParam("limit", WireMock.equalTo(Integer.toString(limit)))
                .willReturn(response));
    }

    private static int calls(int limit) {
        RequestPatternBuilder page = getRequestedFor(urlPathEqualTo(LIST_PATH)).withQueryParam("limit",
                WireMock.equalTo(Integer.toString(limit)));
        return replicas.partnero().findAll(page).size();
    }

    /** Waits until the wall clock reads {@code millis}: the stale windows are measured on it. */
    private static void awaitClock(long millis) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> System.currentTimeMillis() >= millis);
    }

    private static ValidatableResponse post(PackagedGateway replica, int limit) {
        return given().baseUri(replica.baseUri().toString()).contentType(ContentType.JSON)
                .body(Map.of("query", "{ customers(limit: " + limit + ") { items { key } } }"))
                .post("/graphql").then().statusCode(200);
    }
}
