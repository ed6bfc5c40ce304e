package partnero.gateway.web;

import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.support.AgainstAliceFound;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.Profiles;

/** {@code partnero.http-cache.enabled=false}: even a complete GET answer may not be stored, and carries no ETag. */
@QuarkusTest
@TestProfile(Profiles.HttpCacheOff.class)
class HttpCacheOffTest extends AgainstAliceFound {

    @Test
    void aCompleteGetAnswerIsNotStored() {
        GraphQL.get("{ searchCustomer(id: \"customer_123\") { key } }")
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .header("ETag", (String) null)
                .body("data.searchCustomer.key", equalTo("customer_123"));
    }
}
