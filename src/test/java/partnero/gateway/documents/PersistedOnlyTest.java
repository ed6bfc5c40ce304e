package partnero.gateway.documents;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static partnero.gateway.documents.PersistedQueriesTest.persisted;
import static partnero.gateway.documents.PersistedQueriesTest.sha256;
import static partnero.gateway.support.PartneroBodies.ALICE;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import partnero.gateway.support.AgainstPartneroStub;
import partnero.gateway.support.ConfigOverrides;

/**
 * {@code partnero.documents.mode=persisted-only}: every request names its document by hash (sent with
 * it the first time), so that every GET a CDN sees is keyed by hash; a document alone is refused
 * before it is parsed, introspection excepted (GraphiQL's Docs pane).
 */
@QuarkusTest
@TestProfile(PersistedOnlyTest.PersistedOnly.class)
class PersistedOnlyTest extends AgainstPartneroStub {

    public static class PersistedOnly extends ConfigOverrides {
        public PersistedOnly() {
            super("partnero.documents.mode", "persisted-only");
        }
    }

    private static final String FIND = "query Find($id: String) { searchCustomer(id: $id) { key } }";

    @BeforeEach
    void aliceIsFound() {
        wireMock.searchFinds(ALICE);
    }

    @Test
    void aDocumentWithoutItsHashIsRefusedWithoutCallingPartnero() {
        post(Map.of("query", FIND, "variables", Map.of("id", "customer_123")))
                .statusCode(200)
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_ID_REQUIRED"))
                .body("data", nullValue());
        wireMock.verifyNoCall();
    }

    @Test
    void aDocumentSentWithItsHashRunsAndThenTheHashAlone() {
        String document = FIND + " # " + UUID.randomUUID();
        post(Map.of("query", document, "extensions", persisted(sha256(document)), "variables", Map.of("id", "customer_123")))
                .body("data.searchCustomer.key", equalTo("customer_123"));
        post(Map.of("extensions", persisted(sha256(document)), "variables", Map.of("id", "customer_123")))
                .body("errors", nullValue())
                .body("data.searchCustomer.key", equalTo("customer_123"));
    }

    @Test
    void introspectionRunsWithoutAHash() {
        post(Map.of("query", "{ __schema { queryType { name } } }"))
                .statusCode(200)
                .body("data.__schema.queryType.name", equalTo("Query"));
    }

    private static ValidatableResponse post(Map<String, Object> body) {
        return given().accept("application/json").contentType(ContentType.JSON).body(body)
                .when().post("/graphql")
                .then();
    }
}
