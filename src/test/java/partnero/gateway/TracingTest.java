package partnero.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.one;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.support.InjectWireMock;
import partnero.gateway.support.PartneroWireMock;

/** With tracing switched on, a request's trace spans the GraphQL operation and the Partnero call, and reaches Partnero. */
@QuarkusTest
@WithTestResource(PartneroWireMock.class)
@TestProfile(TracingTest.TracingOn.class)
class TracingTest {

    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false");
        }
    }

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        spans.reset();
        wireMock.stubFor(get(urlPathEqualTo("/v1/customers:search")).willReturn(okJson(one(ALICE))));
    }

    @Test
    void theClientsTraceIsContinuedToPartneroWithSpansForTheOperationAndTheCall() {
        given().header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .contentType("application/json")
                .body(Map.of("query", "query Find { searchCustomer(id: \"customer_123\") { key } }"))
                .when().post("/graphql").then().statusCode(200);

        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/v1/customers:search"))
                .withHeader("traceparent", matching("00-" + TRACE_ID + "-[0-9a-f]{16}-01")));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> spansOfTrace().stream()
                .anyMatch(span -> span.getKind() == SpanKind.CLIENT));
        List<SpanKind> kinds = spansOfTrace().stream().map(SpanData::getKind).toList();
        assertThat(kinds, hasItem(SpanKind.SERVER));
        assertThat(kinds, hasItem(SpanKind.CLIENT));
        assertThat(spansOfTrace().stream().map(SpanData::getName).toList(), hasItem(org.hamcrest.Matchers.containsString("GraphQL")));
    }

    private List<SpanData> spansOfTrace() {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(TRACE_ID)).toList();
    }
}
