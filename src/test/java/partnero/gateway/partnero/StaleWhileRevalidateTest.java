package partnero.gateway.partnero;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static partnero.gateway.support.PartneroBodies.BOB_DELETED;
import static partnero.gateway.support.PartneroBodies.onlyPage;
import static partnero.gateway.support.PartneroStub.LIST_PATH;
import static partnero.gateway.support.Queries.TWO_KEYS;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.support.AgainstPartneroStub;
import partnero.gateway.support.AtOnce;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.Profiles;

/**
 * {@code partnero.cache.stale-while-revalidate}: past its ttl (here a millisecond), an entry is answered
 * at once while one call brings it up to date.
 */
@QuarkusTest
@TestProfile(Profiles.StaleWhileRevalidate.class)
class StaleWhileRevalidateTest extends AgainstPartneroStub {

    @Test
    void aStaleEntryIsAnsweredAtOnceAndRefreshedByOneCall() {
        aliceFetchedWithTheClientKey();
        wireMock.listAnswers(okJson(onlyPage(BOB_DELETED)).withFixedDelay(2_000));

        List<String> answers = AtOnce.posts(10, clientKey, TWO_KEYS);

        // while Partnero takes 2 s to answer the refresh, every request gets the entry it had
        answers.forEach(answer -> assertThat(answer, containsString("\"items\":[{\"key\":\"customer_123\"}]")));
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> wireMock.countRequestsMatching(getRequestedFor(urlPathEqualTo(LIST_PATH)).build()).getCount() >= 2);
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(LIST_PATH)));

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> GraphQL.postWithKey(clientKey, TWO_KEYS).extract().asString().contains("customer_456"));
        GraphQL.postWithKey(clientKey, TWO_KEYS).body("extensions", org.hamcrest.Matchers.nullValue())
                .body("data.customers.items[0].key", not(equalTo("customer_123")));
    }
}
