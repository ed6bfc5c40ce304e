package partnero.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.page;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.InjectWireMock;
import partnero.gateway.support.PartneroWireMock;

/** The whole-call deadline bounds a call, retries and waits included, whatever each attempt's timeout. */
@QuarkusTest
@WithTestResource(PartneroWireMock.class)
@TestProfile(DeadlineTest.TwoSecondDeadline.class)
class DeadlineTest {

    static final Duration DEADLINE = Duration.ofSeconds(2);
    /** Generous for a loaded CI machine, and still far below the upstream's delay and the read timeout. */
    static final Duration MARGIN = Duration.ofSeconds(2);

    public static class TwoSecondDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("partnero.deadline", "2s", "quarkus.rest-client.partnero.read-timeout", "10000");
        }
    }

    @InjectWireMock
    WireMockServer wireMock;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        GraphQL.post("{ __typename }"); // warm the request path up, so that the timing measures the deadline
    }

    @Test
    void anAnswerLaterThanTheDeadlineIsAnUpstreamTimeoutWithinTheDeadline() {
        wireMock.stubFor(get(urlPathEqualTo("/v1/customers"))
                .willReturn(okJson(page(1, 15, "1", "1", "null", "null", ALICE)).withFixedDelay(8_000)));

        long started = System.nanoTime();
        GraphQL.post("{ customers { items { key } } }")
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("UPSTREAM_TIMEOUT"))
                .body("errors[0].message", equalTo("Partnero did not answer in time"));

        assertThat(Duration.ofNanos(System.nanoTime() - started), lessThan(DEADLINE.plus(MARGIN)));
    }

    @Test
    void retriesStopAtTheDeadline() {
        wireMock.stubFor(get(urlPathEqualTo("/v1/customers"))
                .willReturn(aResponse().withStatus(503).withFixedDelay(900)));

        long started = System.nanoTime();
        GraphQL.post("{ customers { items { key } } }")
                .body("errors[0].extensions.code", equalTo("UPSTREAM_TIMEOUT"));

        assertThat(Duration.ofNanos(System.nanoTime() - started), lessThan(DEADLINE.plus(MARGIN)));
    }
}
