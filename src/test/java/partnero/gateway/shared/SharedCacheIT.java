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
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.onlyPage;
import static partnero.gateway.support.PartneroStub.LIST_PATH;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import partnero.gateway.support.PackagedGateway;
import partnero.gateway.support.PartneroStub;
import partnero.gateway.support.RedisServer;
import partnero.gateway.support.RequiresRedisServer;

/**
 * Two packaged gateways (native executables in the native build) sharing one real redis-server, as
 * two replicas behind a load balancer would: what one of them fetched, answered, was sent or spent is
 * the other's too, and Redis going away fails no request. Each test has its own client key.
 */
@RequiresRedisServer
class SharedCacheIT {

    static final String PAGE = "query Page($limit: Int) { customers(limit: $limit) { items { key } } }";

    static RedisServer redis;
    static PartneroStub partnero;
    static PackagedGateway first;
    static PackagedGateway second;

    String clientKey;

    @BeforeAll
    static void twoReplicasAndOneRedis() {
        redis = RedisServer.start();
        partnero = PartneroStub.started();
        String[] settings = { "partnero.api.url=" + partnero.baseUrl() + "/v1", "partnero.api.key=server-key-shared",
                "partnero.cache.backend=redis", "quarkus.redis.hosts=" + redis.uri(),
                "partnero.rate-limit.requests-per-second=0.1", "partnero.rate-limit.burst=2", "partnero.rate-limit.max-wait=0s" };
        first = PackagedGateway.launch(settings);
        second = PackagedGateway.launch(settings);
        first.awaitReady();
        second.awaitReady();
    }

    @AfterAll
    static void stopAll() {
        for (AutoCloseable running : new AutoCloseable[] { first, second }) {
            try {
                if (running != null) {
                    running.close();
                }
            } catch (Exception e) {
                // the next one is still stopped
            }
        }
        if (partnero != null) {
            partnero.stop();
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @BeforeEach
    void freshKeyAndPartnero() {
        clientKey = "client-" + UUID.randomUUID();
        partnero.resetAll();
        partnero.listAnswers(okJson(onlyPage(ALICE)));
        if (!redis.answersPing()) {
            redis.restart();
        }
        redis.flushAll();
    }

    @Test
    void aPageOneReplicaFetchedIsAHitOnTheOther() {
        post(first, "{ customers(limit: 2) { items { key } } }").body("data.customers.items[0].key", equalTo("customer_123"));
        written("pages");

        post(second, "{ customers(limit: 2) { items { key email } } }").body("errors", nullValue())
                .body("data.customers.items[0].email", equalTo("alice.brown@partnero.com"));

        partnero.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    @Test
    void anAnswerOneReplicaGaveIsTheOthersByteForByte() {
        String fromFirst = post(first, "{ customers(limit: 3) { items { key } } }").extract().asString();
        written("answer");

        String fromSecond = post(second, "{ customers(limit: 3) { items { key } } }").extract().asString();

        assertThat(fromSecond, equalTo(fromFirst));
        partnero.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    @Test
    void aDocumentPersistedThroughOneReplicaIsKnownToTheOther() {
        String document = "{ customers(limit: 4) { items { key } } }";
        Map<String, Object> persisted = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", sha256(document)));
        given().baseUri(first.baseUri().toString()).header("Authorization", "Bearer " + clientKey).contentType(ContentType.JSON)
                .body(Map.of("query", document, "extensions", persisted)).post("/graphql").then().statusCode(200);
        written("document");

        given().baseUri(second.baseUri().toString()).header("Authorization", "Bearer " + clientKey).contentType(ContentType.JSON)
                .body(Map.of("extensions", persisted)).post("/graphql").then().statusCode(200)
                .body("errors", nullValue()).body("data.customers.items[0].key", equalTo("customer_123"));
    }

    @Test
    void theRateLimitHoldsForBothReplicasTogether() {
        post(first, PAGE, 5).body("errors", nullValue());
        post(second, PAGE, 6).body("errors", nullValue());

        post(first, PAGE, 7).body("errors[0].extensions.code", equalTo("RATE_LIMITED"));

        partnero.verify(2, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    @Test
    void redisKilledDuringABurstFailsNoAnswerAndSharingResumesWhenItIsBack() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<CompletableFuture<String>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                PackagedGateway replica = i % 2 == 0 ? first : second;
                String key = clientKey + "-" + i / 4; // each key asked four times, by both replicas
                answers.add(CompletableFuture.supplyAsync(() -> given().baseUri(replica.baseUri().toString())
                        .header("Authorization", "Bearer " + key).contentType(ContentType.JSON).body(Map.of("query", "{ customers(limit: 2) { items { key } } }"))
                        .post("/graphql").then().statusCode(200).extract().asString(), clients));
                if (i == 10) {
                    redis.kill();
                }
            }
            for (CompletableFuture<String> answer : answers) {
                assertThat(answer.join(), containsString("\"key\":\"customer_123\""));
                assertThat(answer.join(), not(containsString("\"errors\"")));
            }
        } finally {
            clients.shutdownNow();
        }

        redis.restart();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> {
                    clientKey = "client-" + UUID.randomUUID(); // a bucket of its own for each try
                    partnero.resetRequests();
                    String document = "{ customers(limit: 8) { items { key } } }";
                    post(first, document).body("errors", nullValue());
                    post(second, document).body("errors", nullValue());
                    return partnero.countRequestsMatching(getRequestedFor(urlPathEqualTo(LIST_PATH)).build()).getCount() == 1;
                });
    }

    /** Waits until an entry of {@code kind} is in Redis: a replica writes there after it has answered, not before. */
    private static void written(String kind) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> redis.keys().stream().anyMatch(key -> key.startsWith("partnero-gateway:" + kind + ":")));
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

    private static String sha256(String text) throws RuntimeException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
