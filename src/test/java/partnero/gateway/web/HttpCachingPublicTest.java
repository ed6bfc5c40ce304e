package partnero.gateway.web;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.support.AgainstAliceFound;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.Profiles;

/**
 * {@code partnero.http-cache.scope=public} for a deployment that serves one program to everyone; with
 * {@code partnero.cache.enabled=false} nothing is kept by the gateway, so a GET answer is stale at once
 * ({@code max-age=0}) but can still be revalidated by its ETag.
 */
@QuarkusTest
@TestProfile(Profiles.PublicWithoutCaches.class)
class HttpCachingPublicTest extends AgainstAliceFound {

    @Test
    void aGetAnswerIsPublicAndStaleAtOnceWhenNothingIsCached() {
        GraphQL.get("{ searchCustomer(id: \"customer_123\") { key } }")
                .statusCode(200)
                .header("Cache-Control", "public, max-age=0")
                .header("ETag", notNullValue())
                .body("data.searchCustomer.key", equalTo("customer_123"));
    }
}
