package partnero.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static partnero.gateway.support.Queries.KEY_BY_EMAIL;
import static partnero.gateway.support.Queries.TWO_KEYS;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.OperatorKit.Selector;
import partnero.gateway.error.InternalFailures;
import partnero.gateway.support.AgainstPartneroStubAndRedis;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.Profiles;

/**
 * The alert rules ({@code deploy/prometheus/alerts.yml}) and the Grafana dashboard
 * ({@code deploy/grafana/gateway-dashboard.json}) select only series that the gateway exposes at
 * {@code /q/metrics}: the metric names and the label values they match on. A renamed metric or label
 * value would otherwise leave an alert that never fires and a panel with no data, without any error.
 * The gateway runs as the kit expects it in production (the Redis backend, stale-if-error), and has
 * answered from Partnero, from stale data, with an error, without Redis and after an internal failure
 * before it is scraped: some series exist only once that happened.
 */
@QuarkusTest
@TestProfile(Profiles.StaleIfErrorInRedis.class)
class OperatorKitMetricsTest extends AgainstPartneroStubAndRedis {

    @Inject
    InternalFailures internalFailures;

    @Test
    void everySeriesTheAlertRulesSelectIsExposed() {
        List<Selector> selectors = OperatorKit.alertSelectors();

        assertThat(OperatorKit.unfound(selectors, scrapeAfterEveryKindOfAnswer()), empty());
        assertTrue(selectors.size() >= 8, "one metric or more per alert: " + selectors);
    }

    @Test
    void everySeriesTheDashboardSelectsIsExposed() {
        List<Selector> selectors = OperatorKit.dashboardSelectors();

        assertThat(OperatorKit.unfound(selectors, scrapeAfterEveryKindOfAnswer()), empty());
        assertTrue(selectors.size() >= 24, "one metric or more per panel: " + selectors);
    }

    @Test
    void aMisspeltMetricOrLabelValueIsReportedAndFunctionsLabelsAndKeywordsAreNot() {
        String scrape = scrapeAfterEveryKindOfAnswer();
        List<Selector> selectors = OperatorKit.selectors("""
                sum by (job, le) (rate(graphql_operation_seconds_bucket[5m])) > 1
                  or max_over_time(ft_circuitbreaker_state_current{method="partnero",state="half_open"}[1m]) == bool 1
                  unless partnero_shared_cache_up offset 10m""", "a rule");

        assertThat(selectors.stream().map(Selector::metric).toList(),
                containsInAnyOrder("graphql_operation_seconds_bucket", "ft_circuitbreaker_state_current", "partnero_shared_cache_up"));
        assertThat(OperatorKit.unfound(selectors, scrape).stream().map(Selector::metric).toList(),
                containsInAnyOrder("graphql_operation_seconds_bucket", "ft_circuitbreaker_state_current"));
    }

    /** The scrape after the gateway answered in each of the ways that register a series of the kit. */
    private String scrapeAfterEveryKindOfAnswer() {
        aliceFetchedWithTheClientKey(); // from Partnero: misses in the caches, a 200 from Partnero
        wireMock.listAnswers(aResponse().withStatus(503));
        GraphQL.postWithKey(clientKey, TWO_KEYS).body("extensions.stale.reason", equalTo("UPSTREAM_UNAVAILABLE"));
        wireMock.searchAnswers(aResponse().withStatus(429));
        GraphQL.postWithKey(clientKey, KEY_BY_EMAIL).body("errors[0].extensions.code", equalTo("RATE_LIMITED"));
        redis.kill();
        GraphQL.postWithKey(clientKey, TWO_KEYS).body("data.customers.items[0].key", equalTo("customer_123"));
        redis.restart();
        // a bug cannot be provoked on purpose: the one place that counts them is asked to
        internalFailures.toGatewayException(new IllegalStateException("provoked by OperatorKitMetricsTest"), "resolver");
        // the GC's pause timer exists once a collection has happened, which a short test run may not have needed
        System.gc();
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> given().when().get("/q/metrics").asString().contains("jvm_gc_pause_seconds_count"));

        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
