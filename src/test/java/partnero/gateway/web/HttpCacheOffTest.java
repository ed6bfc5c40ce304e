package partnero.gateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static partnero.gateway.support.PartneroBodies.ALICE;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.support.AgainstPartneroStub;
import partnero.gateway.support.ConfigOverrides;

/** {@code partnero.http-cache.enabled=false}: even a complete GET answer may not be stored, and carries no ETag. */
@QuarkusTest
@TestProfile(HttpCacheOffTest.HttpCacheOff.class)
class HttpCacheOffTest extends AgainstPartneroStub {

    public static class HttpCacheOff extends ConfigOverrides {
        public HttpCacheOff() {
            super("partnero.http-cache.enabled", "false");
        }
    }

    @Test
    void aCompleteGetAnswerIsNotStored() {
        wireMock.searchFinds(ALICE);
        given().queryParam("query", "{ searchCustomer(id: \"customer_123\") { key } }")
                .when().get("/graphql")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("ETag", (String) null)
                .body("data.searchCustomer.key", equalTo("customer_123"));
    }
}
