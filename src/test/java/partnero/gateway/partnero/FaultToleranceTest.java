package partnero.gateway.partnero;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.onlyPage;
import static partnero.gateway.support.PartneroStub.LIST_PATH;
import static partnero.gateway.support.Queries.KEYS;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.junit.QuarkusTest;
import partnero.gateway.support.AgainstPartneroStub;
import partnero.gateway.support.GraphQL;

/** Retries of transient failures, never of a client's 4xx, and Partnero's Retry-After honoured once within the cap. */
@QuarkusTest
class FaultToleranceTest extends AgainstPartneroStub {

    @ParameterizedTest(name = "HTTP {0} once, then 200")
    @ValueSource(ints = { 502, 503, 504 })
    void aGatewayErrorOnceIsRetriedToSuccess(int status) {
        failOnceThen(aResponse().withStatus(status));

        GraphQL.post(KEYS).body("errors", nullValue()).body("data.customers.items[0].key", equalTo("customer_123"));

        wireMock.verify(2, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    @Test
    void aConnectionResetOnceIsRetriedToSuccess() {
        failOnceThen(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        GraphQL.post(KEYS).body("errors", nullValue()).body("data.customers.items[0].key", equalTo("customer_123"));

        wireMock.verify(2, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    @Test
    void aPersistentOutageIsTriedThreeTimesThenReported() {
        wireMock.listAnswers(aResponse().withStatus(503));

        GraphQL.post(KEYS)
                .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"))
                .body("errors[0].extensions.upstreamStatus", equalTo(503));

        wireMock.verify(3, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    @ParameterizedTest(name = "HTTP {0} is not retried")
    @ValueSource(ints = { 400, 401, 403, 404, 422, 500 })
    void clientErrorsAndPlain500sAreNotRetried(int status) {
        wireMock.listAnswers(aResponse().withStatus(status));

        GraphQL.post(KEYS).body("errors[0].extensions.upstreamStatus", equalTo(status));

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    @Test
    void aRetryAfterBeyondTheCapFailsAtOnceWithRateLimited() {
        wireMock.listAnswers(aResponse().withStatus(429).withHeader("Retry-After", "7"));

        long started = System.nanoTime();
        GraphQL.postWithKey(clientKey, KEYS) // a 429 holds its key's calls back: the test's own
                .body("errors[0].extensions.code", equalTo("RATE_LIMITED"))
                .body("errors[0].extensions.retryAfterSeconds", equalTo(7));

        // it does not wait the 7 s (a loaded CI machine may need a moment to answer at all)
        assertThat(Duration.ofNanos(System.nanoTime() - started), lessThan(Duration.ofSeconds(5)));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    @Test
    void aRetryAfterWithinTheCapIsWaitedOutOnce() {
        failOnceThen(aResponse().withStatus(429).withHeader("Retry-After", "1"));

        long started = System.nanoTime();
        GraphQL.post(KEYS).body("errors", nullValue()).body("data.customers.items[0].key", equalTo("customer_123"));

        assertThat(Duration.ofNanos(System.nanoTime() - started), greaterThanOrEqualTo(Duration.ofSeconds(1)));
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    @Test
    void aSecond429IsNotWaitedOut() {
        wireMock.listAnswers(aResponse().withStatus(429).withHeader("Retry-After", "1"));

        GraphQL.postWithKey(clientKey, KEYS)
                .body("errors[0].extensions.code", equalTo("RATE_LIMITED"))
                .body("errors[0].extensions.retryAfterSeconds", equalTo(1));

        wireMock.verify(2, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    private void failOnceThen(ResponseDefinitionBuilder failure) {
        wireMock.listFailsOnceThenAnswers(failure, okJson(onlyPage(ALICE)));
    }
}
