package partnero.gateway.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.page;
import static partnero.gateway.support.PartneroStub.LIST_PATH;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import partnero.gateway.support.AgainstPartneroStub;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.PartneroWireMock;

/** What operators and browsers see: health, metrics, content types and CORS. */
@QuarkusTest
class OperationsTest extends AgainstPartneroStub {

    @Test
    void livenessAndReadinessAreUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void thePartneroCheckProbesWithTheConfiguredKeyAndOneCustomer() {
        wireMock.listAnswers(okJson(page(1, 1, "1", "1", "null", "null", ALICE)));

        given().when().get("/q/health/group/partnero").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks[0].name", equalTo("partnero"))
                .body("checks[0].data.key", equalTo("accepted"));

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH))
                .withQueryParam("page", WireMock.equalTo("1"))
                .withQueryParam("limit", WireMock.equalTo("1"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + PartneroWireMock.SERVER_KEY)));
    }

    @Test
    void aRejectedKeyMakesThePartneroCheckDown() {
        wireMock.listAnswers(aResponse().withStatus(401));

        given().when().get("/q/health/group/partnero").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks[0].data.error", equalTo("UNAUTHENTICATED"))
                .body("checks[0].data.upstreamStatus", equalTo(401))
                .body(not(containsString(PartneroWireMock.SERVER_KEY)));
    }

    @Test
    void aPartneroOutageLeavesTheGatewayReady() {
        wireMock.listAnswers(aResponse().withStatus(503));

        given().when().get("/q/health/group/partnero").then().statusCode(503)
                .body("checks[0].data.error", equalTo("UPSTREAM_UNAVAILABLE"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsTimeOperationsAndUpstreamCallsWithoutKeysOrEmails() {
        wireMock.searchFinds(ALICE);
        wireMock.listAnswers(aResponse().withStatus(403));

        GraphQL.postWithKey("client-key-metrics-7f3a",
                "query FindCustomer { searchCustomer(email: \"alice.brown@partnero.com\") { key } }")
                .body("data.searchCustomer.key", equalTo("customer_123"));
        GraphQL.post("query ListCustomers { customers { items { key } } }")
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("graphql_operations_seconds_count{operation=\"FindCustomer\",outcome=\"success\"}"))
                .body(containsString("graphql_operations_seconds_count{operation=\"ListCustomers\",outcome=\"error\"}"))
                .body(containsString("http_client_requests_seconds_count{clientName=\"partnero\",method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/customers:search\"}"))
                .body(containsString("http_client_requests_seconds_count{clientName=\"partnero\",method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"403\",uri=\"/customers\"}"))
                .body(containsString("ft_circuitbreaker_state_current{method=\"partnero\",state=\"closed\"} 1.0"))
                .body(not(containsString("alice.brown")))
                .body(not(containsString("client-key-metrics-7f3a")))
                .body(not(containsString(PartneroWireMock.SERVER_KEY)));
    }

    @ParameterizedTest(name = "POST as {0} is refused")
    @ValueSource(strings = { "text/plain", "text/plain; charset=UTF-8", "multipart/form-data; boundary=x",
            "application/octet-stream" })
    void postBodiesABrowserSendsWithoutPreflightAreRefused(String contentType) {
        given().contentType(contentType).body(bytes("{\"query\": \"{ searchCustomer(id: \\\"customer_123\\\") { key } }\"}"))
                .when().post("/graphql")
                .then().statusCode(415)
                .body("errors[0].message", containsString("application/json"));

        wireMock.verifyNoCall();
    }

    @Test
    void aFormPostIsRefused() {
        given().formParam("query", "{ searchCustomer(id: \"customer_123\") { key } }")
                .when().post("/graphql")
                .then().statusCode(415);

        wireMock.verifyNoCall();
    }

    @Test
    void jsonWithACharsetAndApplicationGraphqlAreAccepted() {
        wireMock.searchFinds(ALICE);

        given().contentType("application/json; charset=UTF-8")
                .body("{\"query\": \"{ searchCustomer(id: \\\"customer_123\\\") { key } }\"}")
                .when().post("/graphql").then().statusCode(200)
                .body("data.searchCustomer.key", equalTo("customer_123"));
        given().contentType("application/graphql").body(bytes("{ searchCustomer(id: \"customer_123\") { key } }"))
                .when().post("/graphql").then().statusCode(200)
                .body("data.searchCustomer.key", equalTo("customer_123"));
    }

    private static byte[] bytes(String body) {
        return body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aConfiguredOriginPassesTheCorsPreflight() {
        given().header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,authorization")
                .when().options("/graphql")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.example");
    }

    @Test
    void anyOtherOriginIsNotAllowed() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when().options("/graphql")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").contentType(ContentType.JSON)
                .body("{\"query\": \"{ __typename }\"}")
                .when().post("/graphql")
                .then().statusCode(403);
    }
}
