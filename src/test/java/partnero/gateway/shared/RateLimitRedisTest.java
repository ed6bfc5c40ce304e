package partnero.gateway.shared;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.onlyPage;
import static partnero.gateway.support.PartneroStub.LIST_PATH;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import partnero.gateway.support.AgainstPartneroStubAndRedis;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.Profiles;

/**
 * The per-key limit with the Redis backend: one bucket per key in Redis for every replica, and each
 * replica's own while Redis is away. A burst of 2, then one call every 10 s, no wait. The data cache
 * is on (the Redis backend is the data cache's), so every call asks for another page of partners and
 * none is answered from the cache. Each test uses its own client key and starts from an empty Redis.
 */
@QuarkusTest
@TestProfile(Profiles.SharedTwoThenOneEveryTenSeconds.class)
class RateLimitRedisTest extends AgainstPartneroStubAndRedis {

    static final String RATE_KEYS = "partnero-gateway:rate:";

    int calls;

    @BeforeEach
    void emptyRedisAndPartneroAnswering() {
        redis.flushAll();
        wireMock.listAnswers(okJson(onlyPage(ALICE)));
    }

    @AfterEach
    void redisBackAndSharedAgain() {
        if (!redis.upAgain()) {
            return;
        }
        // until a call's bucket is in Redis again and the gateway's breaker on Redis is closed: the failures
        // of the outage may still open it once the first successes fill its window, for another 2 s
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
            redis.flushAll();
            GraphQL.postWithKey("probe-" + UUID.randomUUID(), "{ customers { items { key } } }");
            return !rateKeys().isEmpty() && given().when().get("/q/metrics").then().extract().asString()
                    .contains("ft_circuitbreaker_state_current{method=\"redis\",state=\"closed\"} 1.0");
        });
    }

    @Test
    void theLimitIsHeldInRedisUnderTheKeysFingerprint() {
        nextCall().body("errors", nullValue()).body("data.customers.items[0].key", equalTo("customer_123"));
        nextCall().body("errors", nullValue()).body("data.customers.items[0].key", equalTo("customer_123"));

        nextCall().body("errors[0].extensions.code", equalTo("RATE_LIMITED"));

        wireMock.verify(2, getRequestedFor(urlPathEqualTo(LIST_PATH)));
        List<String> buckets = rateKeys();
        assertThat(buckets, hasSize(1));
        assertThat("the key, never the client's key in clear", buckets.get(0).contains(clientKey), equalTo(false));
        // it vanishes when the bucket is full again: 2 permits at one every 10 s
        assertThat((Long) redis.command("PTTL", buckets.get(0)), allOf(greaterThan(0L), lessThanOrEqualTo(20_000L)));
    }

    @Test
    void theReplicaKeepsNoBucketOfItsOwnWhileRedisAnswers() {
        nextCall();
        nextCall();
        nextCall().body("errors[0].extensions.code", equalTo("RATE_LIMITED"));

        redis.flushAll(); // as if the bucket had expired in Redis

        nextCall().body("errors", nullValue());
        wireMock.verify(3, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    @Test
    void withRedisDownEachReplicaLimitsItselfAlone() {
        redis.kill();

        nextCall().body("errors", nullValue()).body("data.customers.items[0].key", equalTo("customer_123"));
        nextCall().body("errors", nullValue()).body("data.customers.items[0].key", equalTo("customer_123"));

        nextCall().body("errors[0].extensions.code", equalTo("RATE_LIMITED"));
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    /** A call for another page of partners, so that no answer comes from the data cache. */
    private ValidatableResponse nextCall() {
        calls++;
        return GraphQL.postWithKey(clientKey, "{ customers(partnerKey: \"partner_" + calls + "\") { items { key } } }");
    }

    private List<String> rateKeys() {
        return redis.keys().stream().filter(key -> key.startsWith(RATE_KEYS)).toList();
    }
}
