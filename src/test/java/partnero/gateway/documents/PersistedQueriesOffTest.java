package partnero.gateway.documents;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static partnero.gateway.support.GraphQL.persisted;
import static partnero.gateway.support.GraphQL.sha256;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import partnero.gateway.support.AgainstPartneroStub;
import partnero.gateway.support.Profiles;

/** {@code partnero.persisted-queries.enabled=false}: a hash gets Apollo's "not supported", so the client sends documents alone. */
@QuarkusTest
@TestProfile(Profiles.PersistedQueriesOff.class)
class PersistedQueriesOffTest extends AgainstPartneroStub {

    @Test
    void aHashIsPersistedQueryNotSupportedEvenWithItsDocument() {
        String document = "{ __typename }";
        for (Map<String, Object> body : java.util.List.of(Map.<String, Object> of("extensions", persisted(sha256(document))),
                Map.<String, Object> of("query", document, "extensions", persisted(sha256(document))))) {
            given().accept("application/json").contentType(ContentType.JSON).body(body)
                    .when().post("/graphql")
                    .then().statusCode(200)
                    .body("errors[0].message", equalTo("PersistedQueryNotSupported"))
                    .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_SUPPORTED"));
        }
        wireMock.verifyNoCall();
    }
}
