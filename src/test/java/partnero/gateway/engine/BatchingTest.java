package partnero.gateway.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static partnero.gateway.support.GraphQL.postJson;
import static partnero.gateway.support.PartneroStub.LIST_PATH;
import static partnero.gateway.support.PartneroStub.SEARCH_PATH;
import static partnero.gateway.support.Queries.FIND_KEY;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.support.AgainstStandardCustomers;
import partnero.gateway.support.Profiles;

/**
 * Batches as Apollo Client's {@code BatchHttpLink} sends them (a JSON array of operations), with
 * {@code partnero.batching.max-operations=3}: answered as an array in order, each operation with its
 * own errors; over the cap, or over the upstream-call limit all together, refused as a whole with one
 * error and nothing run.
 */
@QuarkusTest
@TestProfile(Profiles.BatchesOfUpToThree.class)
class BatchingTest extends AgainstStandardCustomers {

    @Test
    void aBatchIsAnsweredInOrderEachOperationWithItsOwnErrors() {
        postJson(List.of(
                Map.of("query", FIND_KEY, "operationName", "Find", "variables", Map.of("id", "customer_123")),
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
        postJson(List.of(Map.of("query", "{ __typename }"), Map.of("operationName", "NoQuery"), "not an operation"))
                .statusCode(200)
                .body("[0].data.__typename", equalTo("Query"))
                .body("[1].errors[0].message", equalTo("POST /graphql needs a 'query'"))
                .body("[2].errors[0].message", equalTo("each operation of a batch must be a JSON object"));
    }

    @Test
    void aBatchOverTheCapIsRefusedWholeWithoutCallingPartnero() {
        Map<String, Object> find = Map.of("query", FIND_KEY, "variables", Map.of("id", "customer_123"));
        postJson(List.of(find, find, find, find))
                .statusCode(400)
                .body("errors[0].extensions.code", equalTo("BATCH_NOT_ALLOWED"))
                .body("errors[0].message", equalTo("A batch takes 1 to 3 operations; this one has 4"));
        wireMock.verifyNoCall();
    }

    @Test
    void aBatchThatWouldCallPartneroTooOftenAllTogetherIsRefusedWhole() {
        // 17 calls each: within the limit of 50 alone, 51 together
        String seventeenCalls = IntStream.range(0, 17).mapToObj(i -> "s" + i + ": searchCustomer(id: \"" + i + "\") { key }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        postJson(List.of(Map.of("query", seventeenCalls), Map.of("query", seventeenCalls), Map.of("query", seventeenCalls)))
                .statusCode(200)
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"))
                .body("errors[0].message", equalTo("This batch would make 51 calls to Partnero; at most 50 are allowed per request"));
        wireMock.verifyNoCall();
    }

    @Test
    void anEmptyBatchIsABadRequest() {
        postJson(List.of()).statusCode(400).body("errors[0].extensions.code", equalTo("BATCH_NOT_ALLOWED"));
    }
}
