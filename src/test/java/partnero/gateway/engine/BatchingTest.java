package partnero.gateway.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.BOB_DELETED;
import static partnero.gateway.support.PartneroStub.LIST_PATH;
import static partnero.gateway.support.PartneroStub.SEARCH_PATH;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import partnero.gateway.support.AgainstPartneroStub;
import partnero.gateway.support.ConfigOverrides;

/**
 * Batches as Apollo Client's {@code BatchHttpLink} sends them (a JSON array of operations), with
 * {@code partnero.batching.max-operations=3}: answered as an array in order, each operation with its
 * own errors; over the cap, or over the upstream-call limit all together, refused as a whole with one
 * error and nothing run.
 */
@QuarkusTest
@TestProfile(BatchingTest.UpToThree.class)
class BatchingTest extends AgainstPartneroStub {

    public static class UpToThree extends ConfigOverrides {
        public UpToThree() {
            super("partnero.batching.max-operations", "3");
        }
    }

    private static final String FIND = "query Find($id: String) { searchCustomer(id: $id) { key } }";

    @BeforeEach
    void partneroKnowsAliceAndBob() {
        wireMock.servesTheStandardCustomers();
    }

    @Test
    void aBatchIsAnsweredInOrderEachOperationWithItsOwnErrors() {
        post(List.of(
                Map.of("query", FIND, "operationName", "Find", "variables", Map.of("id", "customer_123")),
                Map.of("query", "{ customers(limit: 15) { items { key } } }"),
                Map.of("query", "{ searchCustomer(email: \"not-an-email\") { key } }")))
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("$", hasSize(3))
                .body("[0].data.searchCustomer.key", equalTo("customer_123"))
                .body("[0].errors", nullValue())
                .body("[1].data.customers.items.key", equalTo(List.of("customer_123", "customer_456")))
                .body("[2].errors[0].extensions.code", equalTo("BAD_USER_INPUT"));

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(SEARCH_PATH)).withQueryParam("id", WireMock.equalTo("customer_123")));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)).withQueryParam("limit", WireMock.equalTo("15")));
    }

    @Test
    void anUnreadableOperationGetsItsOwnErrorAndTheOthersRun() {
        post(List.of(Map.of("query", "{ __typename }"), Map.of("operationName", "NoQuery"), "not an operation"))
                .statusCode(200)
                .body("[0].data.__typename", equalTo("Query"))
                .body("[1].errors[0].message", equalTo("POST /graphql needs a 'query'"))
                .body("[2].errors[0].message", equalTo("each operation of a batch must be a JSON object"));
    }

    @Test
    void aBatchOverTheCapIsRefusedWholeWithoutCallingPartnero() {
        Map<String, Object> find = Map.of("query", FIND, "variables", Map.of("id", "customer_123"));
        post(List.of(find, find, find, find))
                .statusCode(400)
                .body("errors[0].extensions.code", equalTo("BATCH_NOT_ALLOWED"))
                .body("errors[0].message", equalTo("A batch takes 1 to 3 operations; this one has 4"));
        wireMock.verifyNoCall();
    }

    @Test
    void aBatchThatWouldCallPartneroTooOftenAllTogetherIsRefusedWhole() {
        // 4 calls each: within the limit of 10 alone, 12 together
        String fourCalls = "{ a: searchCustomer(id: \"1\") { key } b: searchCustomer(id: \"2\") { key }"
                + " c: searchCustomer(id: \"3\") { key } d: searchCustomer(id: \"4\") { key } }";
        post(List.of(Map.of("query", fourCalls), Map.of("query", fourCalls), Map.of("query", fourCalls)))
                .statusCode(200)
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"))
                .body("errors[0].message", equalTo("This batch would make 12 calls to Partnero; at most 10 are allowed per request"));
        wireMock.verifyNoCall();
    }

    @Test
    void anEmptyBatchIsABadRequest() {
        post(List.of()).statusCode(400).body("errors[0].extensions.code", equalTo("BATCH_NOT_ALLOWED"));
    }

    private static ValidatableResponse post(List<?> batch) {
        return given().accept("application/json").contentType(ContentType.JSON).body(batch)
                .when().post("/graphql")
                .then();
    }
}
