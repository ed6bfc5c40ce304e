package partnero.gateway.partnero;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static partnero.gateway.support.PartneroStub.LIST_PATH;
import static partnero.gateway.support.Queries.KEYS;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.support.AgainstAliceListed;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.Profiles;

/**
 * The gateway's own limit on calls to Partnero per API key, with no wait allowed: a burst of 2, then
 * one call every 10 s (slow enough that no test here outlasts it, on a slow machine too). Each test uses its own client key,
 * so each starts from a full bucket.
 */
@QuarkusTest
@TestProfile(Profiles.TwoThenOneEveryTenSeconds.class)
class RateLimitTest extends AgainstAliceListed {

    @Test
    void callsBeyondTheBurstAreRefusedWithRateLimitedWithoutCallingPartnero() {
        GraphQL.postWithKey(clientKey, KEYS).body("errors", nullValue()).body("data.customers.items[0].key", equalTo("customer_123"));
        GraphQL.postWithKey(clientKey, KEYS).body("errors", nullValue()).body("data.customers.items[0].key", equalTo("customer_123"));

        GraphQL.postWithKey(clientKey, KEYS)
                .body("errors[0].extensions.code", equalTo("RATE_LIMITED"))
                .body("errors[0].extensions.retryAfterSeconds", allOf(greaterThanOrEqualTo(1), lessThanOrEqualTo(10)))
                .body("errors[0].extensions.upstreamStatus", nullValue()); // Partnero was not asked

        wireMock.verify(2, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    @Test
    void anotherKeyHasABucketOfItsOwn() {
        String otherKey = "client-" + UUID.randomUUID();
        GraphQL.postWithKey(clientKey, KEYS);
        GraphQL.postWithKey(clientKey, KEYS);
        GraphQL.postWithKey(clientKey, KEYS).body("errors[0].extensions.code", equalTo("RATE_LIMITED"));

        GraphQL.postWithKey(otherKey, KEYS).body("errors", nullValue()).body("data.customers.items[0].key", equalTo("customer_123"));

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)).withHeader("Authorization", WireMock.equalTo("Bearer " + otherKey)));
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(LIST_PATH)).withHeader("Authorization", WireMock.equalTo("Bearer " + clientKey)));
    }

    @Test
    void refusalsAreCountedByOutcomeAlone() {
        double before = counted("refused");
        GraphQL.postWithKey(clientKey, KEYS);
        GraphQL.postWithKey(clientKey, KEYS);

        GraphQL.postWithKey(clientKey, KEYS).body("errors[0].extensions.code", equalTo("RATE_LIMITED"));

        assertThat(counted("refused"), equalTo(before + 1));
    }

    /** {@code partnero_rate_limited_calls_total{outcome=...}}, whose only tag is the outcome (never a key); 0 before the first. */
    static double counted(String outcome) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("^partnero_rate_limited_calls_total\\{outcome=\"" + outcome + "\"} (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
