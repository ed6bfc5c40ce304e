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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import partnero.gateway.support.PackagedGateway;
import partnero.gateway.support.RequiresRedisServer;
import partnero.gateway.support.TwoReplicas;

/**
 * Stale-while-revalidate across two packaged replicas sharing one Redis: both answer a stale entry at
 * once, and one call among them refreshes it (the replica that claims the entry in Redis makes it).
 * Entries are stale a millisecond after they were fetched.
 */
@RequiresRedisServer
class SharedRefreshIT {

    static final String PAGE = "{ customers(limit: 2) { items { key } } }";

    @RegisterExtension
    static final TwoReplicas replicas = new TwoReplicas("server-key-refresh", "partnero.cache.ttl=1ms",
            "partnero.cache.stale-while-revalidate=10m", "partnero.answer-cache.enabled=false");

    @Test
    void bothReplicasAnswerAStaleEntryAtOnceAndOneCallAmongThemRefreshesIt() {
        replicas.partnero().listAnswers(okJson(onlyPage(ALICE)));
        replicas.warmUp("{ customers(limit: 1) { items { key } } }");
        post(replicas.first()).body("data.customers.items[0].key", equalTo("customer_123"));
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> replicas.redis().keys().stream().anyMatch(key -> key.startsWith("partnero-gateway:pages:")));
        replicas.partnero().listAnswers(okJson(onlyPage(BOB_DELETED)).withFixedDelay(3_000)); // within the default read timeout of 5 s

        for (int i = 0; i < 6; i++) { // while the refresh takes 3 s, both answer what they have
            post(i % 2 == 0 ? replicas.first() : replicas.second()).body("data.customers.items[0].key", equalTo("customer_123"));
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> post(replicas.first()).extract().asString().contains("customer_456")
                        && post(replicas.second()).extract().asString().contains("customer_456"));

        replicas.partnero().verify(2, getRequestedFor(urlPathEqualTo(LIST_PATH)) // the first fetch, and one refresh
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer server-key-refresh")));
    }

    private static ValidatableResponse post(PackagedGateway replica) {
        return given().baseUri(replica.baseUri().toString()).contentType(ContentType.JSON).body(Map.of("query", PAGE))
                .post("/graphql").then().statusCode(200);
    }
}
