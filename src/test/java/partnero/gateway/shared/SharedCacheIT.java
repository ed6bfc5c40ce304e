package partnero.gateway.shared;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static partnero.gateway.support.GraphQL.sha256;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.onlyPage;
import static partnero.gateway.support.PartneroStub.LIST_PATH;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.PackagedGateway;
import partnero.gateway.support.RequiresRedisServer;
import partnero.gateway.support.TwoReplicas;

/**
 * Two packaged gateways (native executables in the native build) sharing one real redis-server, as
 * two replicas behind a load balancer would: what one of them fetched, answered, was sent or spent is
 * the other's too, and Redis going away fails no request. Each test has its own client key.
 */
@RequiresRedisServer
class SharedCacheIT {

    static final String PAGE = "query Page($limit: Int) { customers(limit: $limit) { items { key } } }";

    @RegisterExtension
    static final TwoReplicas replicas = new TwoReplicas("server-key-shared",
            "partnero.rate-limit.requests-per-second=0.1", "partnero.rate-limit.burst=2", "partnero.rate-limit.max-wait=0s");

    String clientKey;

    @BeforeEach
    void freshKeyAndPartnero() {
        clientKey = "client-" + UUID.randomUUID();
        replicas.partnero().resetAll();
        replicas.partnero().listAnswers(okJson(onlyPage(ALICE)));
        replicas.redis().upAgain();
        replicas.redis().flushAll();
    }

    @Test
    void aPageOneReplicaFetchedIsAHitOnTheOther() {
        post(replicas.first(), "{ customers(limit: 2) { items { key } } }").body("data.customers.items[0].key", equalTo("customer_123"));
        written("pages");

        post(replicas.second(), "{ customers(limit: 2) { items { key email } } }").body("errors", nullValue())
                .body("data.customers.items[0].email", equalTo("alice.brown@partnero.com"));

        replicas.partnero().verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    @Test
    void anAnswerOneReplicaGaveIsTheOthersByteForByte() {
        String fromFirst = post(replicas.first(), "{ customers(limit: 3) { items { key } } }").extract().asString();
        written("answer");

        String fromSecond = post(replicas.second(), "{ customers(limit: 3) { items { key } } }").extract().asString();

        assertThat(fromSecond, equalTo(fromFirst));
        replicas.partnero().verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    @Test
    void aDocumentPersistedThroughOneReplicaIsKnownToTheOther() {
        String document = "{ customers(limit: 4) { items { key } } }";
        Map<String, Object> persisted = GraphQL.persisted(sha256(document));
        given().baseUri(replicas.first().baseUri().toString()).header("Authorization", "Bearer " + clientKey).contentType(ContentType.JSON)
                .body(Map.of("query", document, "extensions", persisted)).post("/graphql").then().statusCode(200);
        written("document");

        given().baseUri(replicas.second().baseUri().toString()).header("Authorization", "Bearer " + clientKey).contentType(ContentType.JSON)
                .body(Map.of("extensions", persisted)).post("/graphql").then().statusCode(200)
                .body("errors", nullValue()).body("data.customers.items[0].key", equalTo("customer_123"));
    }

    @Test
    void theRateLimitHoldsForBothReplicasTogether() {
        post(replicas.first(), PAGE, 5).body("errors", nullValue());
        post(replicas.second(), PAGE, 6).body("errors", nullValue());

        post(replicas.first(), PAGE, 7).body("errors[0].extensions.code", equalTo("RATE_LIMITED"));

        replicas.partnero().verify(2, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    @Test
    void redisKilledDuringABurstFailsNoAnswerAndSharingResumesWhenItIsBack() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<CompletableFuture<String>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                PackagedGateway replica = i % 2 == 0 ? replicas.first() : replicas.second();
                String key = clientKey + "-" + i / 4; // each key asked four times, by both replicas
                answers.add(CompletableFuture.supplyAsync(() -> given().baseUri(replica.baseUri().toString())
                        .header("Authorization", "Bearer " + key).contentType(ContentType.JSON).body(Map.of("query", "{ customers(limit: 2) { items { key } } }"))
                        .post("/graphql").then().statusCode(200).extract().asString(), clients));
                if (i == 10) {
                    replicas.redis().kill();
                }
            }
            for (CompletableFuture<String> answer : answers) {
                assertThat(answer.join(), containsString("\"key\":\"customer_123\""));
                assertThat(answer.join(), not(containsString("\"errors\"")));
            }
        } finally {
            clients.shutdownNow();
        }

        replicas.redis().restart();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> {
                    clientKey = "client-" + UUID.randomUUID(); // a bucket of its own for each try
                    replicas.partnero().resetRequests();
                    String document = "{ customers(limit: 8) { items { key } } }";
                    post(replicas.first(), document).body("errors", nullValue());
                    post(replicas.second(), document).body("errors", nullValue());
                    return replicas.partnero().countRequestsMatching(getRequestedFor(urlPathEqualTo(LIST_PATH)).build()).getCount() == 1;
                });
    }

    /** Waits until an entry of {@code kind} is in Redis: a replica writes there after it has answered, not before. */
    private static void written(String kind) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> replicas.redis().keys().stream().anyMatch(key -> key.startsWith("partnero-gateway:" + kind + ":")));
    }

    private ValidatableResponse post(PackagedGateway replica, String document) {
        return given().baseUri(replica.baseUri().toString()).header("Authorization", "Bearer " + clientKey)
                .contentType(ContentType.JSON).body(Map.of("query", document)).post("/graphql").then().statusCode(200);
    }

    private ValidatableResponse post(PackagedGateway replica, String document, int limit) {
        return given().baseUri(replica.baseUri().toString()).header("Authorization", "Bearer " + clientKey)
                .contentType(ContentType.JSON).body(Map.of("query", document, "variables", Map.of("limit", limit)))
                .post("/graphql").then().statusCode(200);
    }
}
