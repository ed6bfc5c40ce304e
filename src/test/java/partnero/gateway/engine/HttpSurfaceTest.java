package partnero.gateway.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static partnero.gateway.support.PartneroStub.SEARCH_PATH;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import partnero.gateway.support.AgainstAliceFound;
import partnero.gateway.support.GraphQL;

/** The HTTP surface: GraphQL over HTTP (POST and GET), the SDL, GraphiQL, introspection and the body limit. */
@QuarkusTest
class HttpSurfaceTest extends AgainstAliceFound {

    @Test
    void queriesCanBeSentWithGet() {
        GraphQL.get("{ searchCustomer(id: \"customer_123\") { key email } }")
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.searchCustomer.email", equalTo("alice.brown@partnero.com"));
    }

    @Test
    void aGetWithOperationNameRunsThatOperation() {
        getFindsAlice(given().queryParam("query", "query Find { searchCustomer(id: \"customer_123\") { key } }")
                .queryParam("operationName", "Find"));
    }

    @Test
    void aGetWithOperationNameChoosesAmongSeveralOperations() {
        String document = "query Other { __typename } query Find { searchCustomer(id: \"customer_123\") { key } }";
        getFindsAlice(given().queryParam("query", document).queryParam("operationName", "Find"))
                .body("data.__typename", nullValue());
        GraphQL.get(given().queryParam("query", document).queryParam("operationName", "Other"))
                .statusCode(200)
                .body("data.__typename", equalTo("Query"));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(SEARCH_PATH)));
    }

    @Test
    void aGetCarriesVariablesAndOperationNameAsApolloClientSendsThem() {
        getFindsAlice(given().queryParam("query", "query Find($email: String) { searchCustomer(email: $email) { key } }")
                .queryParam("operationName", "Find")
                .queryParam("variables", "{\"email\":\"alice.brown+vip@partnero.com\"}")
                .queryParam("extensions", "{}"));

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(SEARCH_PATH))
                .withQueryParam("email", WireMock.equalTo("alice.brown+vip@partnero.com")));
    }

    @Test
    void aGetQueryIsDecodedOnceSoPlusAndPercentSurvive() {
        getFindsAlice(given().queryParam("query", "{ searchCustomer(email: \"alice.brown+vip@partnero.com\") { key } } # 100% read"));

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(SEARCH_PATH))
                .withQueryParam("email", WireMock.equalTo("alice.brown+vip@partnero.com")));
    }

    @Test
    void aGetWithAnUnknownOperationNameGetsGraphQLsStandardError() {
        GraphQL.get(given().queryParam("query", "query Find { __typename }").queryParam("operationName", "Missing"))
                .statusCode(200)
                .body("errors[0].message", equalTo("Unknown operation named 'Missing'."))
                .body("data", nullValue());
        wireMock.verifyNoCall();
    }

    @Test
    void aGetWithUnreadableVariablesOrNoQueryIsABadRequest() {
        GraphQL.get(given().queryParam("query", "query Find($email: String) { searchCustomer(email: $email) { key } }")
                .queryParam("variables", "{email: nope"))
                .statusCode(400)
                .body("errors[0].message", equalTo("the 'variables' parameter must be a JSON object"));
        GraphQL.get(given().queryParam("operationName", "Find"))
                .statusCode(400)
                .body("errors[0].message", equalTo("GET /graphql needs a 'query' parameter"));
        wireMock.verifyNoCall();
    }

    @Test
    void aGetAnswersInTheMediaTypeTheClientAccepts() {
        GraphQL.get(given().accept("application/graphql-response+json").queryParam("query", "{ __typename }"))
                .statusCode(200)
                .contentType(startsWith("application/graphql-response+json"));
        GraphQL.get(given().accept("application/json").queryParam("query", "{ __typename }"))
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("data.__typename", equalTo("Query"));
        GraphQL.get(given().accept("text/html").queryParam("query", "{ __typename }"))
                .statusCode(406);
    }

    @Test
    void aGetFromAnAllowedOriginCarriesCorsHeaders() {
        GraphQL.get(given().header("Origin", "https://app.example").queryParam("query", "{ __typename }"))
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.example")
                .body("data.__typename", equalTo("Query"));
    }

    @Test
    void aPostWhoseContentTypeABrowserMergedIsServed() {
        given().header("Content-Type", "application/json, application/json")
                .body("{\"query\": \"{ searchCustomer(id: \\\"customer_123\\\") { key } }\"}".getBytes(StandardCharsets.UTF_8))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("data.searchCustomer.key", equalTo("customer_123"));
    }

    @Test
    void theGraphQLResponseMediaTypeIsServedWhenAskedFor() {
        GraphQL.postJson("application/graphql-response+json", Map.of("query", "{ searchCustomer(id: \"customer_123\") { key } }"))
                .statusCode(200)
                .contentType(startsWith("application/graphql-response+json"))
                .body("data.searchCustomer.key", equalTo("customer_123"));
    }

    @Test
    void operationNameSelectsTheOperationToRun() {
        GraphQL.postJson(Map.of("query", "query A { searchCustomer(id: \"customer_123\") { key } } query B { __typename }",
                "operationName", "A"))
                .statusCode(200)
                .body("data.searchCustomer.key", equalTo("customer_123"));
    }

    @Test
    void theSchemaIsPrintedAsSdlWithDescriptions() {
        given().when().get("/graphql/schema.graphql")
                .then().statusCode(200)
                .body(containsString("customers("))
                .body(containsString("searchCustomer("))
                .body(containsString("type CustomerPage"))
                .body(containsString("scalar DateTime"))
                .body(containsString("\"One customer by email or by id; null when there is none.\""));
    }

    @Test
    void graphiqlIsServed() {
        given().when().get("/q/graphql-ui/")
                .then().statusCode(200)
                .body(containsString("<html"));
    }

    @Test
    void theDevModeSimulatorIsNotPartOfThisBuild() {
        given().header("Authorization", "Bearer any")
                .when().get("/dev-upstream/v1/customers")
                .then().statusCode(404);
    }

    @Test
    void graphiqlsIntrospectionQueryPassesTheDepthLimit() throws IOException {
        GraphQL.answered(resource("/graphiql-introspection.graphql"))
                .body("data.__schema.queryType.name", equalTo("Query"))
                .body("data.__schema.types.name", hasItems("Customer", "CustomerPage", "PageInfo", "DateTime"));
    }

    @Test
    void everyTypeFieldAndArgumentOfTheSchemaIsDescribed() {
        GraphQL.post("""
                { __schema { types { name description fields { name description args { name description } } } } }""")
                .body("data.__schema.types.findAll { it.name in ['Customer','CustomerPage','PageInfo','Query'] }"
                        + ".every { it.description != null && it.fields.every { f -> f.description != null"
                        + " && f.args.every { a -> a.description != null } } }", equalTo(true));
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedWith413() {
        String padding = "#".repeat(1024 * 1024 + 1);
        // As a client sending a large body should: "Expect: 100-continue", so the body is only sent if the
        // gateway wants it. Without it, the gateway's 413-and-close races the client still writing 1 MiB,
        // and the client may see a broken pipe instead of the 413 (seen once against the native executable).
        given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.protocol.expect-continue", true)))
                .contentType(ContentType.JSON)
                .body("{\"query\": \"{ __typename }\", \"padding\": \"" + padding + "\"}")
                .when().post("/graphql")
                .then().statusCode(413);
    }

    @Test
    void aBodyUnderTheLimitIsServed() {
        GraphQL.post("{ __typename }" + " ".repeat(100_000))
                .body("data.__typename", notNullValue());
    }

    /** GET /graphql with the parameters {@code request} carries answers 200, Alice found and no error. */
    private static ValidatableResponse getFindsAlice(RequestSpecification request) {
        return GraphQL.get(request)
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.searchCustomer.key", equalTo("customer_123"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HttpSurfaceTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
