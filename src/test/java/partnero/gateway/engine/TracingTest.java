package partnero.gateway.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static partnero.gateway.support.PartneroStub.SEARCH_PATH;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.support.AgainstAliceFound;
import partnero.gateway.support.Profiles;

/** With tracing switched on, a request's trace spans the GraphQL operation and the Partnero call, and reaches Partnero. */
@QuarkusTest
@TestProfile(Profiles.TracingOn.class)
class TracingTest extends AgainstAliceFound {

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String SECOND_TRACE_ID = "5cf92f3577b34da6a3ce929d0e0e4737";

    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void noSpans() {
        spans.reset();
    }

    @Test
    void theClientsTraceIsContinuedToPartneroWithSpansForTheOperationAndTheCall() {
        given().header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .contentType("application/json")
                .body(Map.of("query", "query Find { searchCustomer(id: \"customer_123\") { key } }"))
                .when().post("/graphql").then().statusCode(200);

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(SEARCH_PATH))
                .withHeader("traceparent", matching("00-" + TRACE_ID + "-[0-9a-f]{16}-01")));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> spansOfTrace().stream()
                .anyMatch(span -> span.getKind() == SpanKind.CLIENT));
        List<SpanKind> kinds = spansOfTrace().stream().map(SpanData::getKind).toList();
        assertThat(kinds, hasItem(SpanKind.SERVER));
        assertThat(kinds, hasItem(SpanKind.CLIENT));
        assertThat(spansOfTrace().stream().map(SpanData::getName).toList(), hasItem(org.hamcrest.Matchers.containsString("GraphQL")));
    }

    @Test
    void aRepeatedDocumentStillGetsItsOperationSpan() {
        // a document answered once would run by its compiled plan, which makes no operation span: with tracing on, plans are off
        String query = "query FindAgain { searchCustomer(id: \"customer_123\") { key } }";
        for (String traceId : List.of(TRACE_ID, SECOND_TRACE_ID)) {
            given().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                    .contentType("application/json")
                    .body(Map.of("query", query))
                    .when().post("/graphql").then().statusCode(200);
        }

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> spansOf(SECOND_TRACE_ID).stream()
                .anyMatch(span -> span.getName().contains("GraphQL")));
        assertThat(spansOf(SECOND_TRACE_ID).stream().map(SpanData::getName).toList(),
                hasItem(org.hamcrest.Matchers.containsString("GraphQL")));
    }

    private List<SpanData> spansOfTrace() {
        return spansOf(TRACE_ID);
    }

    private List<SpanData> spansOf(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }
}
