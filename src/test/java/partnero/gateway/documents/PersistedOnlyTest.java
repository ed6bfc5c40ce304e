package partnero.gateway.documents;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static partnero.gateway.support.GraphQL.persisted;
import static partnero.gateway.support.GraphQL.postJson;
import static partnero.gateway.support.GraphQL.sha256;
import static partnero.gateway.support.Queries.FIND_KEY;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.support.AgainstAliceFound;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.Profiles;

/**
 * {@code partnero.documents.mode=persisted-only}: every request names its document by hash (sent with
 * it the first time), so that every GET a CDN sees is keyed by hash; a document alone is refused
 * before it is parsed, introspection excepted (GraphiQL's Docs pane).
 */
@QuarkusTest
@TestProfile(Profiles.PersistedOnly.class)
class PersistedOnlyTest extends AgainstAliceFound {

    @Test
    void aDocumentWithoutItsHashIsRefusedWithoutCallingPartnero() {
        GraphQL.post(FIND_KEY, Map.of("id", "customer_123"))
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_ID_REQUIRED"))
                .body("data", nullValue());
        wireMock.verifyNoCall();
    }

    @Test
    void aDocumentSentWithItsHashRunsAndThenTheHashAlone() {
        String document = FIND_KEY + " # " + UUID.randomUUID();
        postJson(Map.of("query", document, "extensions", persisted(sha256(document)), "variables", Map.of("id", "customer_123")))
                .body("data.searchCustomer.key", equalTo("customer_123"));
        postJson(Map.of("extensions", persisted(sha256(document)), "variables", Map.of("id", "customer_123")))
                .body("errors", nullValue())
                .body("data.searchCustomer.key", equalTo("customer_123"));
    }

    @Test
    void introspectionRunsWithoutAHash() {
        postJson(Map.of("query", "{ __schema { queryType { name } } }"))
                .statusCode(200)
                .body("data.__schema.queryType.name", equalTo("Query"));
    }
}
