package partnero.gateway.apikey;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;
import static partnero.gateway.support.PartneroStub.SEARCH_PATH;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import partnero.gateway.support.AgainstAliceFound;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.PartneroWireMock;

/** Which key goes upstream: the client's bearer token when it sends one, else the server's. */
@QuarkusTest
class ApiKeyTest extends AgainstAliceFound {

    static final String SEARCH = "{ searchCustomer(id: \"customer_123\") { key } }";

    @Test
    void aClientsBearerTokenIsForwardedInsteadOfTheServerKey() {
        GraphQL.postWithKey("client-key-for-program-b", SEARCH).body("errors", nullValue());

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(SEARCH_PATH))
                .withHeader("Authorization", equalTo("Bearer client-key-for-program-b")));
    }

    @Test
    void theBearerSchemeIsCaseInsensitiveAndTheTokenIsTrimmed() {
        GraphQL.post(given().header("Authorization", "bearer   client-key-c  "), SEARCH).body("errors", nullValue());

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(SEARCH_PATH))
                .withHeader("Authorization", equalTo("Bearer client-key-c")));
    }

    @ParameterizedTest(name = "Authorization: \"{0}\" falls back to the server key")
    @ValueSource(strings = { "Bearer ", "Bearer    ", "Basic dXNlcjpwYXNz", "Token abc", "" })
    void withoutAUsableBearerTokenTheServerKeyIsUsed(String header) {
        GraphQL.post(given().header("Authorization", header), SEARCH).body("errors", nullValue());

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(SEARCH_PATH))
                .withHeader("Authorization", equalTo("Bearer " + PartneroWireMock.SERVER_KEY)));
    }

    @Test
    void withNoAuthorizationHeaderTheServerKeyIsUsed() {
        GraphQL.post(SEARCH).body("errors", nullValue());

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(SEARCH_PATH))
                .withHeader("Authorization", equalTo("Bearer " + PartneroWireMock.SERVER_KEY)));
    }
}
