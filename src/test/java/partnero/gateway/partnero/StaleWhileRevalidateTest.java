package partnero.gateway.partnero;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.BOB_DELETED;
import static partnero.gateway.support.PartneroBodies.onlyPage;
import static partnero.gateway.support.PartneroStub.LIST_PATH;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.support.AgainstPartneroStub;
import partnero.gateway.support.ConfigOverrides;
import partnero.gateway.support.GraphQL;

/**
 * {@code partnero.cache.stale-while-revalidate}: past its ttl (here a millisecond), an entry is answered
 * at once while one call brings it up to date.
 */
@QuarkusTest
@TestProfile(StaleWhileRevalidateTest.StaleWhileRevalidate.class)
class StaleWhileRevalidateTest extends AgainstPartneroStub {

    public static class StaleWhileRevalidate extends ConfigOverrides {
        public StaleWhileRevalidate() {
            super("partnero.cache.enabled", "true", "partnero.cache.ttl", "1ms", "partnero.cache.stale-while-revalidate", "10m",
                    "quarkus.rest-client.partnero.read-timeout", "5000");
        }
    }

    static final String LIST = "{ customers(limit: 2) { items { key } } }";

    @Test
    void aStaleEntryIsAnsweredAtOnceAndRefreshedByOneCall() {
        String clientKey = "client-" + UUID.randomUUID();
        wireMock.listAnswers(okJson(onlyPage(ALICE)));
        GraphQL.postWithKey(clientKey, LIST).body("data.customers.items[0].key", equalTo("customer_123"));
        wireMock.listAnswers(okJson(onlyPage(BOB_DELETED)).withFixedDelay(2_000));

        ExecutorService clients = Executors.newFixedThreadPool(10);
        try {
            List<CompletableFuture<String>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> given().header("Authorization", "Bearer " + clientKey)
                        .contentType("application/json").body(Map.of("query", LIST))
                        .post("/graphql").then().statusCode(200).extract().asString(), clients));
            }
            // while Partnero takes 2 s to answer the refresh, every request gets the entry it had
            answers.forEach(answer -> assertThat(answer.join(), containsString("\"items\":[{\"key\":\"customer_123\"}]")));
        } finally {
            clients.shutdownNow();
        }
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> wireMock.countRequestsMatching(getRequestedFor(urlPathEqualTo(LIST_PATH)).build()).getCount() >= 2);
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(LIST_PATH)));

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> GraphQL.postWithKey(clientKey, LIST).extract().asString().contains("customer_456"));
        GraphQL.postWithKey(clientKey, LIST).body("extensions", org.hamcrest.Matchers.nullValue())
                .body("data.customers.items[0].key", not(equalTo("customer_123")));
    }
}
