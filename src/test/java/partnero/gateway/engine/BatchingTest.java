package partnero.gateway.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;
import static partnero.gateway.support.GraphQL.postJson;
import static partnero.gateway.support.PartneroStub.LIST_PATH;
import static partnero.gateway.support.PartneroStub.SEARCH_PATH;
import static partnero.gateway.support.Queries.FIND_KEY;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    /** Batches refused as a whole with one error: the batch, then the status, the error's code and its message. */
    static Stream<Arguments> batchesRefusedWhole() {
        Map<String, Object> find = Map.of("query", FIND_KEY, "variables", Map.of("id", "customer_123"));
        // 17 calls each: within the limit of 50 alone, 51 together
        Map<String, Object> seventeenCalls = Map.of("query", IntStream.range(0, 17)
                .mapToObj(i -> "s" + i + ": searchCustomer(id: \"" + i + "\") { key }").collect(Collectors.joining(" ", "{ ", " }")));
        return Stream.of(
                argumentSet("a batch over the cap", List.of(find, find, find, find),
                        400, "BATCH_NOT_ALLOWED", "A batch takes 1 to 3 operations; this one has 4"),
                argumentSet("an empty batch", List.of(),
                        400, "BATCH_NOT_ALLOWED", "A batch takes 1 to 3 operations; this one has 0"),
                argumentSet("a batch that would call Partnero too often all together", List.of(seventeenCalls, seventeenCalls, seventeenCalls),
                        200, "QUERY_TOO_COMPLEX", "This batch would make 51 calls to Partnero; at most 50 are allowed per request"));
    }

    @ParameterizedTest
    @MethodSource("batchesRefusedWhole")
    void aBatchIsRefusedWholeWithoutCallingPartnero(List<Map<String, Object>> batch, int status, String code, String message) {
        postJson(batch)
                .statusCode(status)
                .body("errors[0].extensions.code", equalTo(code))
                .body("errors[0].message", equalTo(message));
        wireMock.verifyNoCall();
    }
}
