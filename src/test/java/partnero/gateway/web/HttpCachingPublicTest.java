package partnero.gateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static partnero.gateway.support.PartneroBodies.ALICE;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.support.AgainstPartneroStub;
import partnero.gateway.support.ConfigOverrides;

/**
 * {@code partnero.http-cache.scope=public} for a deployment that serves one program to everyone; with
 * {@code partnero.cache.enabled=false} nothing is kept by the gateway, so a GET answer is stale at once
 * ({@code max-age=0}) but can still be revalidated by its ETag.
 */
@QuarkusTest
@TestProfile(HttpCachingPublicTest.PublicWithoutCaches.class)
class HttpCachingPublicTest extends AgainstPartneroStub {

    public static class PublicWithoutCaches extends ConfigOverrides {
        public PublicWithoutCaches() {
            super("partnero.http-cache.scope", "public", "partnero.cache.enabled", "false");
        }
    }

    @Test
    void aGetAnswerIsPublicAndStaleAtOnceWhenNothingIsCached() {
        wireMock.searchFinds(ALICE);
        given().queryParam("query", "{ searchCustomer(id: \"customer_123\") { key } }")
                .when().get("/graphql")
                .then().statusCode(200)
                .header("Cache-Control", "public, max-age=0")
                .header("ETag", notNullValue())
                .body("data.searchCustomer.key", equalTo("customer_123"));
    }
}
