package partnero.gateway.engine;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;
import static partnero.gateway.support.GraphQL.postJson;
import static partnero.gateway.support.Queries.FIND_KEY;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;

import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
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
        postJson("*/*", Map.of("query", "{ __typename }"))
                .statusCode(200)
                .contentType(startsWith("application/json"));
    }

    /**
     * Requests that cannot run: the request, then where the first error says so and what it says, as
     * the GraphQL response media type and as JSON.
     */
    static Stream<Arguments> requestsThatCannotRun() {
        return Stream.of(
                argumentSet("a document that does not parse", Map.of("query", "{ searchCustomer(id: "),
                        "errors[0].message", equalTo("Unparseable input document"),
                        "errors[0].message", equalTo("Unparseable input document")),
                argumentSet("a document that fails validation", Map.of("query", "{ searchCustomer(id: \"customer_123\") { shoeSize } }"),
                        "errors[0].extensions.classification", equalTo("ValidationError"),
                        "errors[0].extensions.classification", equalTo("ValidationError")),
                argumentSet("variables that do not fit their types", Map.of("query", FIND_KEY, "variables", Map.of("id", Map.of("not", "a string"))),
                        "errors[0].extensions.classification", equalTo("ValidationError"),
                        "errors[0].message", notNullValue()));
    }

    @ParameterizedTest
    @MethodSource("requestsThatCannotRun")
    void aRequestThatCannotRunIs400ForTheGraphQLResponseMediaTypeAnd200ForJson(Map<String, Object> request,
            String errorAsGraphQLResponse, Matcher<?> asGraphQLResponse, String errorAsJson, Matcher<?> asJson) {
        postJson(GRAPHQL_RESPONSE, request)
                .statusCode(400)
                .contentType(startsWith(GRAPHQL_RESPONSE))
                .body(errorAsGraphQLResponse, asGraphQLResponse)
                .body("$", not(hasKey("data")));
        postJson("application/json", request)
                .statusCode(200)
                .body(errorAsJson, asJson);
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
            postJson(accept, "{\"query\": ")
                    .statusCode(400)
                    .body("errors[0].message", equalTo("the body must be a JSON object"));
        }
        wireMock.verifyNoCall();
    }

    @Test
    void aBatchIsRefusedWhileBatchingIsOff() {
        postJson("*/*", "[{\"query\": \"{ __typename }\"}]")
                .statusCode(400)
                .body("errors[0].extensions.code", equalTo("BATCH_NOT_ALLOWED"))
                .body("errors[0].message", equalTo("This gateway takes no batches of operations: send them one by one"));
    }
}
