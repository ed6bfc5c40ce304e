package partnero.gateway.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroStub.LIST_PATH;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import partnero.gateway.support.AgainstAliceListed;
import partnero.gateway.support.GraphQL;

/** Hostile or broken requests: refused before any upstream call, with a clear error, and the gateway keeps serving. */
@QuarkusTest
class QueryLimitsTest extends AgainstAliceListed {

    @BeforeEach
    void aliceIsFoundToo() {
        wireMock.searchFinds(ALICE);
    }

    @Test
    void sixtyAliasedCustomersAreRefusedWithoutAnyUpstreamCall() {
        refusedAsTooComplex(aliases(60, "customers(page: %d) { items { key } }"), "60 calls to Partnero; at most 50")
                .body("errors.size()", equalTo(1));

        wireMock.verifyNoCall();
        stillServing();
    }

    @Test
    void tenAliasedCallsAreAllowed() {
        GraphQL.answered(aliases(10, "customers(page: %d) { items { key } }"))
                .body("data.a9.items[0].key", equalTo("customer_123"));

        wireMock.verify(10, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    @Test
    void aliasesHiddenInFragmentsAreCountedToo() {
        String query = "{ ...F ... on Query " + aliases("s", 26, "searchCustomer(id: \"c%d\") { key }") + " }\n"
                + "fragment F on Query " + aliases("c", 26, "customers(page: %d) { items { key } }");
        refusedAsTooComplex(query, "52 calls");

        wireMock.verifyNoCall();
    }

    @Test
    void repeatingOneFieldWithoutAliasesIsOneCall() {
        GraphQL.answered("{ " + "customers { items { key } } ".repeat(20) + "}");

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    @Test
    void aTooDeepOperationIsRefused() {
        String deep = "{ __schema { types { " + "fields { type { ".repeat(7) + "name" + " } }".repeat(7) + " } } }";
        refusedAsTooComplex(deep, "levels deep; at most 15");
        stillServing();
    }

    @Test
    void aTooWideOperationIsRefused() {
        String wide = "{ __schema { " + IntStream.range(0, 120)
                .mapToObj(i -> "t" + i + ": types { name kind description specifiedByURL }")
                .collect(Collectors.joining(" ")) + " } }";
        refusedAsTooComplex(wide, "fields; at most 500");
        stillServing();
    }

    @Test
    void aDocumentOfTooManyTokensIsRefusedByTheParser() {
        GraphQL.answeredWithoutData("{ " + "__typename ".repeat(6_000) + "}")
                .body("errors[0].message", notNullValue());
        stillServing();
    }

    @ParameterizedTest
    @ValueSource(strings = { "{not json", "[]", "{\"query\": 42}", "{\"query\": \"\"}", "{}", "{\"query\": \"{ customers { \"}" })
    void brokenRequestsGetAClearErrorAndNeverA5xx(String body) {
        int status = given().contentType(ContentType.JSON).body(body)
                .when().post("/graphql")
                .then().statusCode(lessThan(500))
                .body("errors[0].message", notNullValue())
                .extract().statusCode();
        org.hamcrest.MatcherAssert.assertThat(status, lessThan(500));

        wireMock.verifyNoCall();
        stillServing();
    }

    @Test
    void variablesOfTheWrongTypeGetTheEnginesCoercionError() {
        given().contentType(ContentType.JSON)
                .body(Map.of("query", "query($p: Int) { customers(page: $p) { items { key } } }", "variables", Map.of("p", "two")))
                .when().post("/graphql")
                .then().statusCode(lessThan(500))
                .body("errors[0].message", containsString("p"));

        wireMock.verifyNoCall();
    }

    /** Answers {@code document} without data: refused as {@code QUERY_TOO_COMPLEX} with a message that says {@code why}. */
    private static ValidatableResponse refusedAsTooComplex(String document, String why) {
        return GraphQL.answeredWithoutData(document)
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"))
                .body("errors[0].message", containsString(why));
    }

    private void stillServing() {
        GraphQL.post("{ searchCustomer(id: \"customer_123\") { key } }")
                .body("data.searchCustomer.key", equalTo("customer_123"));
    }

    private static String aliases(int count, String field) {
        return aliases("a", count, field);
    }

    private static String aliases(String prefix, int count, String field) {
        return "{ " + IntStream.range(0, count).mapToObj(i -> prefix + i + ": " + field.formatted(i + 1))
                .collect(Collectors.joining(" ")) + " }";
    }
}
