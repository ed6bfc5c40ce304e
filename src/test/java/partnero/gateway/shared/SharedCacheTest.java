package partnero.gateway.shared;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static partnero.gateway.support.GraphQL.sha256;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.onlyPage;
import static partnero.gateway.support.PartneroStub.LIST_PATH;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.apikey.ApiKey;
import partnero.gateway.shared.SharedStore;
import partnero.gateway.support.AgainstPartneroStubAndRedis;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.Profiles;
import partnero.gateway.support.Queries;

/**
 * The Redis backend in one gateway against a real redis-server: what it writes there (and what it
 * never writes), and that Redis failing, slow or holding garbage never fails a request. Two gateways
 * sharing one Redis are {@link SharedCacheIT}'s.
 */
@QuarkusTest
@TestProfile(Profiles.CachesOnInRedis.class)
class SharedCacheTest extends AgainstPartneroStubAndRedis {

    static final String LIST = "query Page($limit: Int) { customers(limit: $limit) { items { key email } } }";

    @Inject
    SharedStore shared;

    @AfterEach
    void redisEmptyForTheNextTest() {
        redis.upAgain();
        redis.flushAll();
    }

    @Test
    void partnerosDataAndTheAnswerAreWrittenToRedisUnderHashedKeys() {
        wireMock.listAnswers(okJson(onlyPage(ALICE)));

        GraphQL.post(withKey(), LIST).body("data.customers.items[0].email", equalTo("alice.brown@partnero.com"));

        List<String> keys = redis.keys();
        assertThat(keys, hasItem(matchesPattern("partnero-gateway:pages:[0-9a-f]{64}")));
        assertThat(keys, hasItem(matchesPattern("partnero-gateway:answer:[0-9a-f]{64}")));
        assertThat(keys, everyItem(matchesPattern("partnero-gateway:[a-z:]+:[0-9a-f]{64}")));
        for (String key : keys) {
            String value = new String(redis.get(key), StandardCharsets.ISO_8859_1);
            assertThat(key + " holds no API key", value, not(containsString(clientKey)));
            assertThat(((Long) redis.command("PTTL", key)) > 0, equalTo(true));
        }
    }

    @Test
    void aPersistedDocumentIsWrittenToRedisAndNoKeyOrEmailIsReadableInAnyKey() {
        wireMock.listAnswers(okJson(onlyPage(ALICE)));
        String document = Queries.KEY_BY_EMAIL;
        wireMock.searchFinds(ALICE);

        given().header("Authorization", "Bearer " + clientKey).contentType("application/json")
                .body(Map.of("query", document, "extensions", GraphQL.persisted(sha256(document))))
                .post("/graphql").then().statusCode(200).body("data.searchCustomer.key", equalTo("customer_123"));

        assertThat(redis.keys(), hasItem(startsWith("partnero-gateway:document:")));
        assertThat(redis.keys(), hasItem(startsWith("partnero-gateway:search:")));
        assertThat(String.join("\n", redis.keys()), not(containsString("alice")));
        assertThat(String.join("\n", redis.keys()), not(containsString(clientKey)));
        assertThat(String.join("\n", redis.keys()), not(containsString(ApiKey.of(clientKey).fingerprint())));
    }

    @Test
    void whatRedisHoldsThatTheGatewayCannotReadIsAMissNotAFailure() {
        wireMock.listAnswers(okJson(onlyPage(ALICE)));
        String garbage = shared.keys().page(ApiKey.of(clientKey).fingerprint(), 1, 7, null, null);
        redis.command("SET", garbage, "not an entry", "PX", "60000");

        GraphQL.post(withKey(), LIST, Map.of("limit", 7)).body("errors", nullValue())
                .body("data.customers.items[0].key", equalTo("customer_123"));

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)));
        given().when().get("/q/metrics").then()
                .body(matchesPattern("(?s).*partnero_shared_cache_errors_total\\{operation=\"decode\"} [1-9].*"));
    }

    @Test
    void redisKilledDuringABurstFailsNoRequestAndSharingResumesWhenItIsBack() {
        wireMock.listAnswers(okJson(onlyPage(ALICE)));
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<String>> answers = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                int limit = 1 + i % 30; // thirty distinct requests, each asked twice
                answers.add(CompletableFuture.supplyAsync(() -> GraphQL.post(withKey(), LIST, Map.of("limit", limit))
                        .statusCode(200).extract().asString(), clients));
                if (i == 20) {
                    redis.kill();
                }
            }
            answers.forEach(answer -> assertThat(answer.join(), containsString("\"items\":[{\"key\":\"customer_123\"")));
            answers.forEach(answer -> assertThat(answer.join(), not(containsString("\"errors\""))));
        } finally {
            clients.shutdownNow();
        }
        GraphQL.post(withKey(), LIST, Map.of("limit", 31)).body("errors", nullValue());
        given().when().get("/q/health/group/shared-cache").then().statusCode(503).body("status", equalTo("DOWN"));
        given().when().get("/q/health/ready").then().statusCode(200);

        redis.restart();
        AtomicInteger limit = new AtomicInteger(40);
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> {
            GraphQL.post(withKey(), LIST, Map.of("limit", limit.incrementAndGet())).body("errors", nullValue());
            return !redis.keys().isEmpty();
        });
        given().when().get("/q/health/group/shared-cache").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/metrics").then().body(containsString("partnero_shared_cache_up 1.0"));
    }

    private io.restassured.specification.RequestSpecification withKey() {
        return given().header("Authorization", "Bearer " + clientKey);
    }
}
