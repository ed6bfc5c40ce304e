package partnero.gateway.engine;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static partnero.gateway.support.GraphQL.postJson;
import static partnero.gateway.support.Queries.FIND_KEY;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import partnero.gateway.support.AgainstAliceFound;

/**
 * GraphQL over HTTP's status codes and media types: a client that accepts
 * {@code application/graphql-response+json} learns from the status that its request could not run
 * (400); an {@code application/json} client gets 200 and the errors, as it always has; a client that
 * names no type gets {@code application/json}.
 */
@QuarkusTest
class StatusCodesTest extends AgainstAliceFound {

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    @TestHTTPResource("/graphql")
    URI graphql;

    @Test
    void aClientThatNamesNoMediaTypeGetsJson() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(graphql) // sends no Accept
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ __typename }\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode(), equalTo(200));
        assertThat(response.headers().firstValue("Content-Type").orElse(""), startsWith("application/json"));
        assertThat(new JsonObject(response.body()).getJsonObject("data").getString("__typename"), equalTo("Query"));
    }

    @Test
    void aClientThatAcceptsAnythingGetsJson() {
        given().accept("*/*").contentType(ContentType.JSON).body(Map.of("query", "{ __typename }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .contentType(startsWith("application/json"));
    }

    @Test
    void aDocumentThatDoesNotParseIs400ForTheGraphQLResponseMediaTypeAnd200ForJson() {
        postJson(GRAPHQL_RESPONSE, Map.of("query", "{ searchCustomer(id: "))
                .statusCode(400)
                .contentType(startsWith(GRAPHQL_RESPONSE))
                .body("errors[0].message", equalTo("Unparseable input document"))
                .body("$", not(hasKey("data")));
        postJson("application/json", Map.of("query", "{ searchCustomer(id: "))
                .statusCode(200)
                .body("errors[0].message", equalTo("Unparseable input document"));
        wireMock.verifyNoCall();
    }

    @Test
    void aDocumentThatFailsValidationIs400ForTheGraphQLResponseMediaTypeAnd200ForJson() {
        postJson(GRAPHQL_RESPONSE, Map.of("query", "{ searchCustomer(id: \"customer_123\") { shoeSize } }"))
                .statusCode(400)
                .body("errors[0].extensions.classification", equalTo("ValidationError"))
                .body("$", not(hasKey("data")));
        postJson("application/json", Map.of("query", "{ searchCustomer(id: \"customer_123\") { shoeSize } }"))
                .statusCode(200)
                .body("errors[0].extensions.classification", equalTo("ValidationError"));
        wireMock.verifyNoCall();
    }

    @Test
    void variablesThatDoNotFitTheirTypesAre400ForTheGraphQLResponseMediaTypeAnd200ForJson() {
        postJson(GRAPHQL_RESPONSE, Map.of("query", FIND_KEY, "variables", Map.of("id", Map.of("not", "a string"))))
                .statusCode(400)
                .body("errors[0].extensions.classification", equalTo("ValidationError"))
                .body("$", not(hasKey("data")));
        postJson("application/json", Map.of("query", FIND_KEY, "variables", Map.of("id", Map.of("not", "a string"))))
                .statusCode(200)
                .body("errors[0].message", notNullValue());
        wireMock.verifyNoCall();
    }

    @Test
    void anOperationThatRanIs200InBothMediaTypesEvenWithAFieldError() {
        wireMock.searchAnswers(com.github.tomakehurst.wiremock.client.WireMock.serverError());
        postJson(GRAPHQL_RESPONSE, Map.of("query", FIND_KEY, "variables", Map.of("id", "customer_123")))
                .statusCode(200)
                .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"))
                .body("$", hasKey("data"));
    }

    @Test
    void aBodyThatIsNotJsonIs400InBothMediaTypes() {
        for (String accept : new String[] { GRAPHQL_RESPONSE, "application/json" }) {
            given().accept(accept).contentType(ContentType.JSON).body("{\"query\": ")
                    .when().post("/graphql")
                    .then().statusCode(400)
                    .body("errors[0].message", equalTo("the body must be a JSON object"));
        }
        wireMock.verifyNoCall();
    }

    @Test
    void aBatchIsRefusedWhileBatchingIsOff() {
        given().contentType(ContentType.JSON).body("[{\"query\": \"{ __typename }\"}]")
                .when().post("/graphql")
                .then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("BATCH_NOT_ALLOWED"))
                .body("errors[0].message", equalTo("This gateway takes no batches of operations: send them one by one"));
    }
}
