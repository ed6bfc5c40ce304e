package partnero.gateway.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.BOB_DELETED;
import static partnero.gateway.support.PartneroBodies.one;
import static partnero.gateway.support.PartneroBodies.onlyPage;
import static partnero.gateway.support.PartneroStub.LIST_PATH;
import static partnero.gateway.support.PartneroStub.SEARCH_PATH;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import partnero.gateway.support.AgainstPartneroStub;
import partnero.gateway.support.Profiles;

/**
 * Whole answers kept ahead of the GraphQL engine: a repeated request is answered with the same bytes
 * without Partnero or the engine, per client key, variables and operation name; only complete answers
 * to queries are kept; each request still gets its own media type, timer and CORS headers.
 */
@QuarkusTest
@TestProfile(Profiles.CachesOn.class)
class AnswerCacheTest extends AgainstPartneroStub {

    static final String PAGE = "query Page($limit: Int) { customers(limit: $limit) { items { key email createdAt } pageInfo { hasNextPage } } }";

    @BeforeEach
    void partneroKnowsAliceAndBob() {
        wireMock.listAnswers(okJson(onlyPage(ALICE, BOB_DELETED)));
        wireMock.searchAnswers(okJson(one(ALICE)));
    }

    @Test
    void aRepeatedRequestGetsTheSameBytesWithoutAnotherCall() {
        byte[] first = post(client(), PAGE, Map.of("limit", 2)).extract().asByteArray();
        byte[] second = post(client(), PAGE, Map.of("limit", 2)).extract().asByteArray();

        assertArrayEquals(first, second);
        assertThat(new String(second), containsString("\"email\":\"alice.brown@partnero.com\""));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    @Test
    void getAndPostShareAnswers() {
        byte[] posted = post(client(), PAGE, Map.of("limit", 2)).extract().asByteArray();
        byte[] got = client().queryParam("query", PAGE).queryParam("variables", "{\"limit\": 2}")
                .when().get("/graphql").then().statusCode(200).extract().asByteArray();

        assertArrayEquals(posted, got);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    @Test
    void aClientNeverGetsAnotherKeysAnswer() {
        wireMock.stubFor(get(urlPathEqualTo(LIST_PATH)).withHeader("Authorization", WireMock.equalTo("Bearer " + clientKey))
                .willReturn(okJson(onlyPage(BOB_DELETED))).atPriority(1));
        String otherKey = "client-" + UUID.randomUUID();

        post(client(), PAGE, Map.of("limit", 2)).body("data.customers.items.key", equalTo(java.util.List.of("customer_456")));
        post(given().header("Authorization", "Bearer " + otherKey), PAGE, Map.of("limit", 2))
                .body("data.customers.items.key", equalTo(java.util.List.of("customer_123", "customer_456")));
        post(given(), PAGE, Map.of("limit", 2)) // the server key is a key of its own
                .body("data.customers.items.key", equalTo(java.util.List.of("customer_123", "customer_456")));

        wireMock.verify(3, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    @Test
    void otherVariablesAreAnotherAnswer() {
        post(client(), PAGE, Map.of("limit", 2));
        post(client(), PAGE, Map.of("limit", 3)); // served from the first answer, this would call Partnero once only

        wireMock.verify(2, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    @Test
    void anotherOperationOfTheSameDocumentIsAnotherAnswer() {
        String twoOperations = "query A { customers(limit: 4) { items { key } } } query B { searchCustomer(id: \"customer_123\") { email } }";

        client().contentType(ContentType.JSON).body(Map.of("query", twoOperations, "operationName", "A"))
                .post("/graphql").then().statusCode(200).body("data.customers.items[0].key", equalTo("customer_123"));
        client().contentType(ContentType.JSON).body(Map.of("query", twoOperations, "operationName", "B"))
                .post("/graphql").then().statusCode(200)
                .body("data.customers", nullValue())
                .body("data.searchCustomer.email", equalTo("alice.brown@partnero.com"));
    }

    @Test
    void errorsAndPartialAnswersAreNotKept() {
        wireMock.searchAnswers(aResponse().withStatus(503));
        String half = "{ customers(limit: 2) { items { key } } searchCustomer(id: \"customer_123\") { key } }";

        for (int i = 0; i < 2; i++) {
            client().contentType(ContentType.JSON).body(Map.of("query", half)).post("/graphql").then().statusCode(200)
                    .body("data.customers.items[0].key", equalTo("customer_123"))
                    .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"));
        }

        wireMock.verify(2 * 3, getRequestedFor(urlPathEqualTo(SEARCH_PATH))); // each request: a try and two retries
    }

    @Test
    void introspectionIsNotKept() {
        String introspection = "query Schema { __schema { queryType { name } } }";
        for (int i = 0; i < 2; i++) {
            client().contentType(ContentType.JSON).body(Map.of("query", introspection)).post("/graphql").then().statusCode(200)
                    .body("data.__schema.queryType.name", equalTo("Query"));
        }

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("graphql_operations_seconds_count{operation=\"Schema\",outcome=\"success\"} 2.0"))
                .body(not(containsString("operation=\"Schema\",outcome=\"cached\"")));
    }

    @Test
    void eachRequestGetsItsOwnMediaTypeAndCorsHeaders() {
        client().accept("application/json").contentType(ContentType.JSON).body(Map.of("query", PAGE, "variables", Map.of("limit", 5)))
                .post("/graphql").then().statusCode(200).contentType(startsWith("application/json"));
        client().accept("application/graphql-response+json").header("Origin", "https://app.example")
                .contentType(ContentType.JSON).body(Map.of("query", PAGE, "variables", Map.of("limit", 5)))
                .post("/graphql").then().statusCode(200)
                .contentType(startsWith("application/graphql-response+json"))
                .header("Access-Control-Allow-Origin", "https://app.example")
                .body("data.customers.items[0].key", equalTo("customer_123"));

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    @Test
    void aKeptAnswerIsTimedAndCountedAsCached() {
        String named = "query CachedPage { customers(limit: 7) { items { key } } }";
        client().contentType(ContentType.JSON).body(Map.of("query", named)).post("/graphql").then().statusCode(200);
        client().contentType(ContentType.JSON).body(Map.of("query", named)).post("/graphql").then().statusCode(200);

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("graphql_operations_seconds_count{operation=\"CachedPage\",outcome=\"success\"} 1.0"))
                .body(containsString("graphql_operations_seconds_count{operation=\"CachedPage\",outcome=\"cached\"} 1.0"))
                .body(containsString("cache_gets_total{cache=\"graphql-answers\",result=\"hit\"}"))
                .body(not(containsString(clientKey)));
    }

    @Test
    void theContentTypeRuleStillHoldsForAKeptAnswer() {
        post(client(), PAGE, Map.of("limit", 2));

        client().contentType("text/plain").body("{\"query\": \"" + PAGE + "\"}".getBytes()).post("/graphql").then().statusCode(415);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    private RequestSpecification client() {
        return given().header("Authorization", "Bearer " + clientKey);
    }

    private static io.restassured.response.ValidatableResponse post(RequestSpecification request, String query, Map<String, Object> variables) {
        return request.contentType(ContentType.JSON).body(Map.of("query", query, "variables", variables))
                .when().post("/graphql").then().statusCode(200).body("errors", nullValue());
    }
}
