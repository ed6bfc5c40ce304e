package partnero.gateway.partnero;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.onlyPage;
import static partnero.gateway.support.PartneroStub.LIST_PATH;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.junit.QuarkusTest;
import partnero.gateway.support.AgainstPartneroStub;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.PartneroWireMock;

/** Each way Partnero can fail, and the error code and message a client sees for it. */
@QuarkusTest
class UpstreamErrorsTest extends AgainstPartneroStub {

    static final String SEARCH = "{ searchCustomer(id: \"customer_123\") { key } }";

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({
            "401, UNAUTHENTICATED",
            "403, FORBIDDEN",
            "400, BAD_USER_INPUT",
            "422, BAD_USER_INPUT",
            "408, UPSTREAM_TIMEOUT",
            "405, UPSTREAM_UNAVAILABLE",
            "500, UPSTREAM_UNAVAILABLE",
            "502, UPSTREAM_UNAVAILABLE",
            "503, UPSTREAM_UNAVAILABLE",
    })
    void anUpstreamStatusBecomesItsCodeWithTheStatus(int status, String code) {
        wireMock.listAnswers(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"upstream says no\", \"status\": 0}"));

        GraphQL.answeredWithoutData("{ customers { items { key } } }")
                .body("errors[0].extensions.code", equalTo(code))
                .body("errors[0].extensions.upstreamStatus", equalTo(status))
                .body("errors[0].message", safeForClients())
                .body("errors[0].path[0]", equalTo("customers"));
    }

    @Test
    void rateLimitingCarriesRetryAfterSeconds() {
        wireMock.listAnswers(aResponse().withStatus(429).withHeader("Retry-After", "7"));

        GraphQL.postWithKey(clientKey, "{ customers { items { key } } }") // a 429 holds its key's calls back: the test's own
                .body("errors[0].extensions.code", equalTo("RATE_LIMITED"))
                .body("errors[0].extensions.upstreamStatus", equalTo(429))
                .body("errors[0].extensions.retryAfterSeconds", equalTo(7))
                .body("errors[0].message", allOf(containsString("retry after 7 s"), safeForClients()));
    }

    /**
     * The chaos run's retry storm: Partnero's {@code Retry-After} was honoured within one call only, and
     * every later request for the key called Partnero again at once. Now no call for the key is made
     * until it has passed (on this replica); other keys are not held back.
     */
    @Test
    void aRetryAfterHoldsTheKeysCallsBackUntilItHasPassed() {
        wireMock.listAnswers(aResponse().withStatus(429).withHeader("Retry-After", "3"));
        GraphQL.postWithKey(clientKey, "{ customers { items { key } } }").body("errors[0].extensions.upstreamStatus", equalTo(429));
        long limited = System.currentTimeMillis();
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)));

        GraphQL.postWithKey(clientKey, "{ customers(page: 2) { items { key } } }")
                .body("errors[0].extensions.code", equalTo("RATE_LIMITED"))
                .body("errors[0].extensions.upstreamStatus", nullValue()) // Partnero was not asked
                .body("errors[0].extensions.retryAfterSeconds", allOf(greaterThanOrEqualTo(1), lessThanOrEqualTo(3)))
                .body("errors[0].message", allOf(containsString("Partnero asked not to be called"), safeForClients()));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)));
        wireMock.listAnswers(okJson(onlyPage(ALICE)));
        GraphQL.answeredWithKey("another-" + clientKey, "{ customers { items { key } } }"); // another key goes on

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> System.currentTimeMillis() >= limited + 3_000);
        GraphQL.answeredWithKey(clientKey, "{ customers(page: 2) { items { key } } }").body("data.customers.items[0].key", equalTo("customer_123"));
    }

    @Test
    void rateLimitingWithoutRetryAfterHasNoRetryAfterSeconds() {
        wireMock.listAnswers(aResponse().withStatus(429));

        GraphQL.post("{ customers { items { key } } }")
                .body("errors[0].extensions.code", equalTo("RATE_LIMITED"))
                .body("errors[0].extensions.retryAfterSeconds", nullValue());
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutIsAnUpstreamTimeout() {
        wireMock.listAnswers(okJson(onlyPage(ALICE)).withFixedDelay(4_000));

        GraphQL.post("{ customers { items { key } } }")
                .body("errors[0].extensions.code", equalTo("UPSTREAM_TIMEOUT"))
                .body("errors[0].extensions.upstreamStatus", nullValue())
                .body("errors[0].message", safeForClients());
    }

    @ParameterizedTest
    @CsvSource({ "CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE" })
    void aBrokenConnectionIsUpstreamUnavailable(Fault fault) {
        wireMock.listAnswers(aResponse().withFault(fault));

        GraphQL.post("{ customers { items { key } } }")
                .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"))
                .body("errors[0].message", safeForClients());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "application/json | {\"data\": [ {\"key\": ",
            "application/json | {\"data\": \"not a list\"}",
            "application/json | {\"data\": [{\"key\": null}]}",
            "application/json | {\"links\": null}",
            "text/html        | <html><body>Welcome to nginx</body></html>",
    })
    void anUnreadableSuccessIsABadResponse(String contentType, String body) {
        wireMock.listAnswers(aResponse().withStatus(200).withHeader("Content-Type", contentType).withBody(body));

        GraphQL.post("{ customers { items { key } } }")
                .body("errors[0].extensions.code", equalTo("UPSTREAM_BAD_RESPONSE"))
                .body("errors[0].extensions.upstreamStatus", equalTo(200))
                .body("errors[0].message", safeForClients());
    }

    @Test
    void aFailingSearchLeavesTheCustomersFieldIntact() {
        wireMock.listAnswers(okJson(onlyPage(ALICE)));
        wireMock.searchAnswers(aResponse().withStatus(503));

        GraphQL.post("{ customers { items { key } } searchCustomer(id: \"customer_123\") { key } }")
                .body("data.customers.items[0].key", equalTo("customer_123"))
                .body("data.searchCustomer", nullValue())
                .body("errors.size()", equalTo(1))
                .body("errors[0].path[0]", equalTo("searchCustomer"))
                .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"));
    }

    @Test
    void aFailingCustomersNullsDataButKeepsEveryError() {
        wireMock.listAnswers(aResponse().withStatus(500));
        wireMock.searchFinds(ALICE);

        GraphQL.answeredWithoutData("{ customers { items { key } } searchCustomer(id: \"customer_123\") { key } }")
                .body("errors[0].path[0]", equalTo("customers"))
                .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"));
    }

    @Test
    void searchFailuresAreMappedLikeListFailures() {
        wireMock.searchAnswers(aResponse().withStatus(403));

        GraphQL.post(SEARCH)
                .body("data.searchCustomer", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("errors[0].extensions.upstreamStatus", equalTo(403));
    }

    /** Short and free of what must never reach a client: keys, URLs, Java class and package names. */
    static Matcher<String> safeForClients() {
        return allOf(
                not(containsString(PartneroWireMock.SERVER_KEY)),
                not(containsString("http")),
                not(containsString("Exception")),
                not(containsString("partnero.gateway.")),
                not(containsString("\n")),
                not(containsString("Server Error")));
    }
}
