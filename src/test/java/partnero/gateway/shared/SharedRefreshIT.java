package partnero.gateway.shared;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.BOB_DELETED;
import static partnero.gateway.support.PartneroBodies.onlyPage;
import static partnero.gateway.support.PartneroStub.LIST_PATH;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import partnero.gateway.support.PackagedGateway;
import partnero.gateway.support.PartneroStub;
import partnero.gateway.support.RedisServer;
import partnero.gateway.support.RequiresRedisServer;

/**
 * Stale-while-revalidate across two packaged replicas sharing one Redis: both answer a stale entry at
 * once, and one call among them refreshes it (the replica that claims the entry in Redis makes it).
 * Entries are stale a millisecond after they were fetched.
 */
@RequiresRedisServer
class SharedRefreshIT {

    static final String PAGE = "{ customers(limit: 2) { items { key } } }";

    static RedisServer redis;
    static PartneroStub partnero;
    static PackagedGateway first;
    static PackagedGateway second;

    @BeforeAll
    static void twoReplicasAndOneRedis() {
        redis = RedisServer.start();
        partnero = PartneroStub.started();
        String[] settings = { "partnero.api.url=" + partnero.baseUrl() + "/v1", "partnero.api.key=server-key-refresh",
                "partnero.cache.backend=redis", "quarkus.redis.hosts=" + redis.uri(), "partnero.cache.ttl=1ms",
                "partnero.cache.stale-while-revalidate=10m", "partnero.answer-cache.enabled=false" };
        first = PackagedGateway.launch(settings);
        second = PackagedGateway.launch(settings);
        first.awaitReady();
        second.awaitReady();
    }

    @AfterAll
    static void stopAll() {
        for (PackagedGateway running : new PackagedGateway[] { first, second }) {
            if (running != null) {
                running.stop();
            }
        }
        if (partnero != null) {
            partnero.stop();
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void bothReplicasAnswerAStaleEntryAtOnceAndOneCallAmongThemRefreshesIt() {
        partnero.listAnswers(okJson(onlyPage(ALICE)));
        for (PackagedGateway replica : new PackagedGateway[] { first, second }) { // their first request is slow
            given().baseUri(replica.baseUri().toString()).header("Authorization", "Bearer warm-up-key").contentType(ContentType.JSON)
                    .body(Map.of("query", "{ customers(limit: 1) { items { key } } }")).post("/graphql").then().statusCode(200);
        }
        post(first).body("data.customers.items[0].key", equalTo("customer_123"));
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> redis.keys().stream().anyMatch(key -> key.startsWith("partnero-gateway:pages:")));
        partnero.listAnswers(okJson(onlyPage(BOB_DELETED)).withFixedDelay(3_000)); // within the default read timeout of 5 s

        for (int i = 0; i < 6; i++) { // while the refresh takes 3 s, both answer what they have
            post(i % 2 == 0 ? first : second).body("data.customers.items[0].key", equalTo("customer_123"));
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> post(first).extract().asString().contains("customer_456")
                        && post(second).extract().asString().contains("customer_456"));

        partnero.verify(2, getRequestedFor(urlPathEqualTo(LIST_PATH)) // the first fetch, and one refresh
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer server-key-refresh")));
    }

    private static ValidatableResponse post(PackagedGateway replica) {
        return given().baseUri(replica.baseUri().toString()).contentType(ContentType.JSON).body(Map.of("query", PAGE))
                .post("/graphql").then().statusCode(200);
    }
}
