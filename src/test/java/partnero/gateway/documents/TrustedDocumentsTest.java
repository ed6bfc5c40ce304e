package partnero.gateway.documents;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static partnero.gateway.support.GraphQL.persisted;
import static partnero.gateway.support.GraphQL.postJson;
import static partnero.gateway.support.GraphQL.sha256;
import static partnero.gateway.support.PartneroStub.SEARCH_PATH;
import static partnero.gateway.support.Queries.FIND;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import partnero.gateway.support.AgainstAliceFound;
import partnero.gateway.support.Profiles;

/**
 * {@code partnero.documents.mode=trusted} with Apollo's manifest ({@code documents/apollo-manifest.json}:
 * {@code Find} and {@code Page}): those documents run, by id or by identical text; any other is refused
 * before it is parsed and before Partnero is called, and a client cannot add one by sending it with
 * its hash. Introspection stays allowed (the default), so GraphiQL still shows the schema.
 */
@QuarkusTest
@TestProfile(Profiles.TrustedApolloManifest.class)
class TrustedDocumentsTest extends AgainstAliceFound {

    @Test
    void aTrustedDocumentRunsByItsId() {
        postJson(Map.of("extensions", persisted(sha256(FIND)), "variables", Map.of("id", "customer_123")))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.searchCustomer.email", equalTo("alice.brown@partnero.com"));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(SEARCH_PATH)));
    }

    @Test
    void aTrustedDocumentRunsByItsText() {
        postJson(Map.of("query", FIND, "variables", Map.of("id", "customer_123")))
                .body("errors", nullValue())
                .body("data.searchCustomer.key", equalTo("customer_123"));
    }

    @Test
    void anyOtherDocumentIsRefusedWithoutCallingPartnero() {
        refusedAsNotInTheList(Map.of("query", "{ searchCustomer(id: \"customer_123\") { key email name } }"))
                .body("errors[0].message", equalTo("This gateway runs only trusted documents, and this one is not among them"))
                .body("data", nullValue());
        wireMock.verifyNoCall();
    }

    @Test
    void aClientCannotAddADocumentBySendingItWithItsHash() {
        String other = "{ searchCustomer(id: \"customer_123\") { name } }";
        refusedAsNotInTheList(Map.of("query", other, "extensions", persisted(sha256(other))));
        refusedAsNotInTheList(Map.of("extensions", persisted(sha256(other))));
        wireMock.verifyNoCall();
    }

    @Test
    void introspectionStillRunsForGraphiQL() {
        postJson(Map.of("query", "{ __schema { queryType { name } } }"))
                .body("data.__schema.queryType.name", equalTo("Query"));
    }

    @Test
    void aRefusedDocumentIs400ForTheGraphQLResponseMediaType() {
        postJson("application/graphql-response+json", Map.of("query", "{ __typename customers { items { key } } }"))
                .statusCode(400)
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_IN_LIST"));
        wireMock.verifyNoCall();
    }

    /** POSTs {@code request} as JSON: answered (200) with the error that the document is not in the list. */
    private static ValidatableResponse refusedAsNotInTheList(Map<String, Object> request) {
        return postJson(request).statusCode(200).body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_IN_LIST"));
    }
}
