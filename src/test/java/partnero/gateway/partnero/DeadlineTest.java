package partnero.gateway.partnero;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.onlyPage;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.support.AgainstPartneroStub;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.Profiles;

/** The whole-call deadline bounds a call, retries and waits included, whatever each attempt's timeout. */
@QuarkusTest
@TestProfile(Profiles.TwoSecondDeadline.class)
class DeadlineTest extends AgainstPartneroStub {

    static final Duration DEADLINE = Duration.ofSeconds(2);
    /** Generous for a loaded CI machine, and still far below the upstream's delay and the read timeout. */
    static final Duration MARGIN = Duration.ofSeconds(2);

    @BeforeEach
    void warmUp() {
        GraphQL.post("{ __typename }"); // warm the request path up, so that the timing measures the deadline
    }

    @Test
    void anAnswerLaterThanTheDeadlineIsAnUpstreamTimeoutWithinTheDeadline() {
        wireMock.listAnswers(okJson(onlyPage(ALICE)).withFixedDelay(8_000));

        long started = System.nanoTime();
        GraphQL.answeredWithoutData("{ customers { items { key } } }")
                .body("errors[0].extensions.code", equalTo("UPSTREAM_TIMEOUT"))
                .body("errors[0].message", equalTo("Partnero did not answer in time"));

        assertThat(Duration.ofNanos(System.nanoTime() - started), lessThan(DEADLINE.plus(MARGIN)));
    }

    @Test
    void retriesStopAtTheDeadline() {
        wireMock.listAnswers(aResponse().withStatus(503).withFixedDelay(900));

        long started = System.nanoTime();
        GraphQL.post("{ customers { items { key } } }")
                .body("errors[0].extensions.code", equalTo("UPSTREAM_TIMEOUT"));

        assertThat(Duration.ofNanos(System.nanoTime() - started), lessThan(DEADLINE.plus(MARGIN)));
    }
}
