package partnero.gateway.documents;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static partnero.gateway.support.GraphQL.persisted;
import static partnero.gateway.support.GraphQL.postJson;
import static partnero.gateway.support.GraphQL.sha256;
import static partnero.gateway.support.PartneroStub.SEARCH_PATH;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.support.AgainstAliceFound;
import partnero.gateway.support.Profiles;

/**
 * Automatic persisted queries, as Apollo Client's {@code createPersistedQueryLink} speaks them: a hash
 * the gateway does not know is {@code PERSISTED_QUERY_NOT_FOUND}; the document sent with its hash is
 * checked, run and kept; from then on the hash alone runs it, over POST and GET. The store keeps at
 * most {@code partnero.persisted-queries.max-size} documents (3 here).
 */
@QuarkusTest
@TestProfile(Profiles.SmallPersistedQueryStore.class)
class PersistedQueriesTest extends AgainstAliceFound {

    private String document;
    private String hash;

    @BeforeEach
    void aDocumentTheGatewayHasNotSeen() {
        // every test its own document (the store outlives tests): the same query with another comment
        document = "query Find($id: String) { searchCustomer(id: $id) { key email } } # " + UUID.randomUUID();
        hash = sha256(document);
    }

    @Test
    void anUnknownHashAloneIsPersistedQueryNotFoundAndCallsNothing() {
        postJson(Map.of("extensions", persisted(hash), "variables", Map.of("id", "customer_123")))
                .statusCode(200)
                .body("errors[0].message", equalTo("PersistedQueryNotFound"))
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"))
                .body("$", not(hasKey("data")));
        wireMock.verifyNoCall();
    }

    @Test
    void anUnknownHashIs400ForAClientAcceptingTheGraphQLResponseMediaType() {
        postJson("application/graphql-response+json", Map.of("extensions", persisted(hash)))
                .statusCode(400)
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
    }

    @Test
    void theDocumentSentWithItsHashRunsAndIsKeptForTheHashAlone() {
        postJson(Map.of("query", document, "extensions", persisted(hash), "variables", Map.of("id", "customer_123")))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.searchCustomer.email", equalTo("alice.brown@partnero.com"));

        postJson(Map.of("extensions", persisted(hash), "variables", Map.of("id", "customer_456")))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.searchCustomer.key", equalTo("customer_123"));

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(SEARCH_PATH)).withQueryParam("id", WireMock.equalTo("customer_123")));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(SEARCH_PATH)).withQueryParam("id", WireMock.equalTo("customer_456")));
    }

    @Test
    void aKnownHashAloneRunsOverGetAsApolloClientSendsIt() {
        postJson(Map.of("query", document, "extensions", persisted(hash), "variables", Map.of("id", "customer_123")))
                .statusCode(200);

        given().queryParam("operationName", "Find")
                .queryParam("variables", "{\"id\":\"customer_123\"}")
                .queryParam("extensions", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}")
                .when().get("/graphql")
                .then().statusCode(200)
                .body("errors", nullValue())
                .body("data.searchCustomer.key", equalTo("customer_123"));
    }

    @Test
    void aDocumentWhoseHashIsNotTheOneSentIsRefusedAndNotKept() {
        String claimed = sha256("query Other { __typename }");
        postJson(Map.of("query", document, "extensions", persisted(claimed), "variables", Map.of("id", "customer_123")))
                .statusCode(400)
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_HASH_MISMATCH"));

        notKept(claimed);
        wireMock.verifyNoCall();
    }

    @Test
    void aDocumentThatDoesNotValidateIsNotKept() {
        String invalid = "{ searchCustomer(id: \"customer_123\") { shoeSize } } # " + UUID.randomUUID();
        postJson(Map.of("query", invalid, "extensions", persisted(sha256(invalid))))
                .statusCode(200)
                .body("errors[0].extensions.classification", equalTo("ValidationError"));

        notKept(sha256(invalid));
        wireMock.verifyNoCall();
    }

    @Test
    void aPersistedQueryOfAnotherVersionOrShapeIsABadRequest() {
        postJson(Map.of("extensions", Map.of("persistedQuery", Map.of("version", 2, "sha256Hash", hash))))
                .statusCode(400)
                .body("errors[0].message", equalTo(
                        "extensions.persistedQuery must be {\"version\": 1, \"sha256Hash\": \"<the document's SHA-256 in hex>\"}"));
        postJson(Map.of("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", "not a hash!"))))
                .statusCode(400);
        wireMock.verifyNoCall();
    }

    @Test
    void theStoreKeepsNoMoreDocumentsThanItsMaximum() {
        String[] documents = new String[6];
        for (int i = 0; i < documents.length; i++) {
            documents[i] = "{ __typename } # " + i + " " + UUID.randomUUID();
            postJson(Map.of("query", documents[i], "extensions", persisted(sha256(documents[i])))).statusCode(200)
                    .body("data.__typename", equalTo("Query"));
        }
        int kept = 0;
        for (String each : documents) {
            String answer = postJson(Map.of("extensions", persisted(sha256(each)))).statusCode(200).extract().asString();
            kept += answer.contains("\"__typename\"") ? 1 : 0;
        }
        assertThat("documents still answered by hash alone", kept, both(greaterThan(0)).and(lessThanOrEqualTo(3)));
    }

    /** The hash alone finds no document: the gateway did not keep the one sent with it. */
    private static void notKept(String hash) {
        postJson(Map.of("extensions", persisted(hash))).body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
    }
}
