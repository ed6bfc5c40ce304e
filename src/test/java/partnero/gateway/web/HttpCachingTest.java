package partnero.gateway.web;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static partnero.gateway.support.PartneroStub.LIST_PATH;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import partnero.gateway.support.AgainstAliceListed;
import partnero.gateway.support.Profiles;

/**
 * HTTP caching of GET answers, with the default caches (30 s): a complete answer may be kept privately
 * for no longer than its data lives, with an ETag that a revalidation turns into 304; anything else
 * (POST, errors, partial answers, introspection) must not be stored.
 */
@QuarkusTest
@TestProfile(Profiles.CachesOn.class)
class HttpCachingTest extends AgainstAliceListed {

    private static final String PAGE = "{ customers(limit: 15) { items { key email } } }";

    @Test
    void aCompleteGetAnswerMayBeKeptPrivatelyNoLongerThanItsData() {
        ExtractableResponse<Response> answer = get(PAGE, "application/json").statusCode(200).extract();

        String cacheControl = answer.header("Cache-Control");
        assertThat(cacheControl, matchesPattern("private, max-age=\\d+"));
        int maxAge = Integer.parseInt(cacheControl.substring("private, max-age=".length()));
        assertThat("max-age within the data's 30 s", maxAge, allOf(greaterThan(0), lessThanOrEqualTo(30)));
        assertThat(answer.header("ETag"), matchesPattern("\"[A-Za-z0-9_-]{22}\""));
        assertThat(answer.header("Vary"), allOf(containsString("Authorization"), containsString("Accept")));
    }

    @Test
    void aRevalidationWithTheETagIs304WithoutABody() {
        String etag = get(PAGE, "application/json").statusCode(200).extract().header("ETag");

        ExtractableResponse<Response> revalidated = given().header("Authorization", "Bearer " + clientKey)
                .accept("application/json").header("If-None-Match", etag).queryParam("query", PAGE)
                .when().get("/graphql")
                .then().statusCode(304).extract();
        assertThat(revalidated.body().asString(), emptyString());
        assertThat(revalidated.header("ETag"), equalTo(etag));
        assertThat(revalidated.header("Cache-Control"), matchesPattern("private, max-age=\\d+"));

        given().header("Authorization", "Bearer " + clientKey).accept("application/json")
                .header("If-None-Match", "\"something-else\"").queryParam("query", PAGE)
                .when().get("/graphql")
                .then().statusCode(200).body("data.customers.items[0].key", equalTo("customer_123"));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    @Test
    void eachMediaTypeHasItsOwnETag() {
        String json = get(PAGE, "application/json").statusCode(200).extract().header("ETag");
        String graphqlResponse = get(PAGE, "application/graphql-response+json").statusCode(200).extract().header("ETag");

        assertThat(graphqlResponse, not(equalTo(json)));
    }

    @Test
    void postAnswersAreNotStored() {
        given().header("Authorization", "Bearer " + clientKey).contentType(ContentType.JSON).body(Map.of("query", PAGE))
                .when().post("/graphql")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("ETag", (String) null);
    }

    @Test
    void errorAndPartialAnswersAreNotStored() {
        wireMock.listAnswers(serverError());
        get(PAGE, "application/json").statusCode(200)
                .header("Cache-Control", "no-store")
                .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"));
        get("{ __typename customers(limit: 15) { items { key } } }", "application/json").statusCode(200)
                .header("Cache-Control", "no-store");
        get("{ customers(limit: 15) { items { key } } searchCustomer(email: \"not-an-email\") { key } }", "application/json")
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }

    @Test
    void introspectionIsNotStored() {
        get("{ __schema { queryType { name } } }", "application/json").statusCode(200)
                .header("Cache-Control", "no-store")
                .body("data.__schema.queryType.name", equalTo("Query"));
    }

    private io.restassured.response.ValidatableResponse get(String query, String accept) {
        return given().header("Authorization", "Bearer " + clientKey).accept(accept).queryParam("query", query)
                .when().get("/graphql")
                .then();
    }
}
