package partnero.gateway.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.BOB_DELETED;
import static partnero.gateway.support.PartneroBodies.customerDetail;
import static partnero.gateway.support.PartneroBodies.one;
import static partnero.gateway.support.PartneroBodies.onlyPage;
import static partnero.gateway.support.PartneroBodies.partner;
import static partnero.gateway.support.PartneroBodies.partnerDetail;
import static partnero.gateway.support.PartneroBodies.transaction;

import java.math.BigInteger;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.support.AgainstPartneroStub;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.PartneroStub;
import partnero.gateway.support.Queries;
import partnero.gateway.support.PartneroWireMock;
import partnero.gateway.support.Profiles;

/**
 * Thousands of generated and mutated requests ({@link FuzzedRequests}) through {@code /graphql}, each
 * answer held to {@link WellFormedAnswers}: well-formed GraphQL or a clear HTTP error, never a 5xx, a
 * stack trace, a class name or the client's key, always within 5 s. Partnero is the stub, serving
 * every endpoint of the graph, with keys that are missing (404), failing (503) or unreadable.
 * <p>
 * The seed is fixed, so a run is repeatable and a failure names the case that reproduces it;
 * {@code -Dfuzz.cases=N} runs more (or fewer) cases, {@code -Dfuzz.seed=S} other ones (docs/testing.md).
 */
@QuarkusTest
@TestProfile(Profiles.WebClientDefaults.class)
class FuzzedRequestsTest extends AgainstPartneroStub {

    /** A key no answer may contain: recognisable in a body or a header. */
    static final String FUZZ_KEY = "fuzz-key-9c2e51f07b3d";
    static final long DEFAULT_SEED = 2423L;
    private static final int CLIENTS = 3;
    private static final int REPORTED = 12;

    @TestHTTPResource("/graphql")
    URI graphql;

    /** How many cases a run sends when {@code -Dfuzz.cases} does not say. */
    int defaultCases() {
        return 10_000;
    }

    @BeforeEach
    void partneroServesTheWholeGraph() {
        wireMock.listAnswers(okJson(onlyPage(ALICE, BOB_DELETED)));
        wireMock.searchFinds(ALICE);
        wireMock.stubFor(get(urlPathEqualTo("/v1/partners")).willReturn(okJson(onlyPage(partner("partner_123"), partner("fail-1")))));
        wireMock.stubFor(get(urlPathEqualTo("/v1/transactions")).willReturn(okJson(onlyPage(
                transaction("t1", "customer_123", "partner_123", "99.99"), transaction("t2", "missing-1", "garbage-1", "\"12.50\"")))));
        wireMock.stubFor(get(urlPathMatching("/v1/customers/.+")).atPriority(5)
                .willReturn(okJson(one(customerDetail("customer_123", "partner_123", "active", "vip")))));
        wireMock.stubFor(get(urlPathMatching("/v1/partners/.+")).atPriority(5).willReturn(okJson(one(partnerDetail("partner_123")))));
        wireMock.stubFor(get(urlPathMatching("/v1/transactions/.+")).atPriority(5)
                .willReturn(okJson(one(transaction("t1", "customer_123", "partner_123", "99.99")))));
        wireMock.stubFor(get(urlPathMatching("/v1/\\w+/missing.*")).atPriority(1).willReturn(notFound()));
        wireMock.stubFor(get(urlPathMatching("/v1/\\w+/fail.*")).atPriority(1).willReturn(aResponse().withStatus(503)));
        wireMock.stubFor(get(urlPathMatching("/v1/\\w+/garbage.*")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"data\": [tru")));
    }

    @Test
    void everyAnswerIsWellFormedTimelyAndLeaksNothing() throws Exception {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        Integer only = Integer.getInteger("fuzz.case"); // one case again, as a failure names it
        int first = only == null ? 0 : only;
        int cases = only == null ? Integer.getInteger("fuzz.cases", defaultCases()) : 1;
        FuzzedRequests requests = new FuzzedRequests(FUZZ_KEY);
        WellFormedAnswers property = new WellFormedAnswers(FUZZ_KEY, PartneroWireMock.SERVER_KEY);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(WellFormedAnswers.TIME_BOUND).build();
        long started = System.nanoTime();

        List<Outcome> outcomes = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Outcome>> sent = new ArrayList<>();
            for (int i = first; i < first + cases; i++) {
                int index = i;
                sent.add(clients.submit(() -> attempt(index, requests.request(seed * 1_000_003L + index), http, property)));
            }
            for (Future<Outcome> outcome : sent) {
                outcomes.add(outcome.get());
            }
        } finally {
            clients.shutdownNow();
        }

        Map<Integer, Long> statuses = outcomes.stream().collect(Collectors.groupingBy(Outcome::status, TreeMap::new, Collectors.counting()));
        System.out.printf("fuzzed /graphql: %d cases (seed %d) in %d ms, statuses %s%n", cases, seed,
                Duration.ofNanos(System.nanoTime() - started).toMillis(), statuses);
        List<Outcome> broken = outcomes.stream().filter(outcome -> !outcome.wrong().isEmpty()).toList();
        assertEquals(0, broken.size(), broken.size() + " of " + cases + " answers broke the property; the first ones:\n"
                + broken.stream().limit(REPORTED).map(outcome -> outcome.report(seed)).collect(Collectors.joining("\n\n")));
        assertTrue(only != null || statuses.getOrDefault(200, 0L) > cases / 5, "too few requests were answered: " + statuses);
    }

    /** One case: the request, what is wrong with its answer (empty when nothing), the answer in short. */
    record Outcome(int index, FuzzedRequest request, List<String> wrong, int status, String answered) {

        String report(long seed) {
            return "case " + index + " (-Dfuzz.seed=" + seed + " -Dfuzz.case=" + index + "): " + wrong + "\n  " + request.describe() + "\n  -> " + answered;
        }
    }

    private Outcome attempt(int index, FuzzedRequest request, HttpClient http, WellFormedAnswers property) {
        long before = System.nanoTime();
        try {
            HttpResponse<byte[]> answer = http.send(request.toHttpRequest(graphql, WellFormedAnswers.TIME_BOUND), HttpResponse.BodyHandlers.ofByteArray());
            String body = new String(answer.body(), StandardCharsets.UTF_8);
            return new Outcome(index, request, property.violations(request, answer, Duration.ofNanos(System.nanoTime() - before)), answer.statusCode(),
                    "HTTP " + answer.statusCode() + " " + answer.headers().firstValue("Content-Type").orElse("") + " "
                            + (body.length() > 700 ? body.substring(0, 700) + "…" : body));
        } catch (IOException | InterruptedException e) {
            return new Outcome(index, request, List.of("no answer: " + e), 0, "");
        }
    }

    // ---- what the fuzzer found, each as a plain regression test

    @Test
    void jsonNestedDeeperThanItsParserAllowsIsABadRequestNotAServerError() {
        String body = "{\"query\": \"query Q($p: Int) { customers(page: $p) { items { key } } }\", \"variables\": {\"p\": "
                + "[".repeat(1500) + "]".repeat(1500) + "}}";

        given().header("Authorization", "Bearer " + FUZZ_KEY).contentType(ContentType.JSON).body(body).when().post("/graphql")
                .then().statusCode(400).body("errors[0].message", equalTo("the body must be a JSON object"));
        given().header("Authorization", "Bearer " + FUZZ_KEY).contentType(ContentType.JSON).body("[" + body + "]").when().post("/graphql")
                .then().statusCode(400).body("errors[0].message", equalTo("the body must be a JSON object, or an array of them (a batch)"));
        wireMock.verifyNoCall();
    }

    @Test
    void aLongChainOfFragmentsIsRefusedBeforeValidationInsteadOfBlockingTheGateway() {
        StringBuilder chain = new StringBuilder("{ customers { items { ...F0 } } }");
        for (int i = 0; i < 400; i++) {
            chain.append(" fragment F").append(i).append(" on Customer { key ...F").append(i + 1).append(" }");
        }
        String document = chain.append(" fragment F400 on Customer { key }").toString();

        long started = System.nanoTime();
        GraphQL.postWithKey(FUZZ_KEY, document).body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"))
                .body("errors[0].message", equalTo("This document defines 401 fragments; at most 50 are allowed"));
        GraphQL.postJson(List.of(Map.of("query", document), Map.of("query", Queries.KEYS)))
                .body("[0].errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"))
                .body("[1].data.customers.items[0].key", equalTo("customer_123"));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 3_000, "validation of the chain ran");
    }

    @Test
    void aSubscriptionWhoseRootFieldsAreSkippedIsAValidationErrorNotAServerError() {
        for (String document : List.of("subscription { searchCustomer(id: \"c1\") @skip(if: true) { key } }",
                "subscription { customers @skip(if: 1) { items { key } } partners { items { id } } }")) {
            GraphQL.postWithKey(FUZZ_KEY, document).body("data", nullValue())
                    .body("errors[0].message", equalTo("Validation error (KnownOperationTypes): The 'Subscription' operation is not supported by the schema"))
                    .body("errors[0].extensions.classification", equalTo("ValidationError"));
            GraphQL.postJson(List.of(Map.of("query", document))).body("[0].errors[0].extensions.classification", equalTo("ValidationError"));
        }
        wireMock.verifyNoCall();
    }

    @Test
    void anIntVariableThatIsNoWholeIntIsBadUserInputNotASystemError() {
        String document = "query Q($page: Int) { customers(page: $page) { items { key } } }";
        for (Object page : List.of(1.5, 2147483648L, new BigInteger("9".repeat(400)), 1e308)) {
            GraphQL.post(document, Map.of("page", page)).body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                    .body("errors[0].message", equalTo("Variable 'page' must be a whole number from -2147483648 to 2147483647"));
        }
        GraphQL.post(document, Map.of("page", 1.0)).body("data.customers.items[0].key", equalTo("customer_123"));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(PartneroStub.LIST_PATH)));
    }

    /**
     * Natively, graphql-java's message for a literal of the wrong type (its resource bundle
     * {@code i18n.Scalars}) was not in the executable: HTTP 500 instead of the validation error (found by
     * {@code FuzzedRequestsIT} against the native executable; the bundles are registered in
     * {@code META-INF/native-image/partnero-graphql-gateway/resource-config.json}).
     */
    @Test
    void aLiteralOfTheWrongTypeIsAValidationError() {
        for (String document : List.of("{ customers(partnerKey: 1.5) { items { key } } }", "{ customers(page: \"one\") { items { key } } }",
                "{ searchCustomer(email: true) { key } }")) {
            GraphQL.postWithKey(FUZZ_KEY, document).statusCode(200).body("data", nullValue())
                    .body("errors[0].extensions.classification", equalTo("ValidationError"))
                    .body("errors[0].message", containsString("WrongType"));
        }
        wireMock.verifyNoCall();
    }
}
