package partnero.gateway.engine;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.support.AgainstAliceListed;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.Profiles;

/**
 * The application started again in the same JVM, as dev mode's live reload starts it: the engine's
 * hooks run, and run the code of the application running now ({@link ReloadSafeHooks}). This suite has
 * {@code AnswerCacheTest}'s and {@code HttpCachingTest}'s profile and one test resource more, so Quarkus
 * runs it next to them and restarts the application in between, with SmallRye GraphQL's classes (and
 * its static singleton of services) kept. Before {@link ReloadSafeHooks}, the suite run after the
 * restart failed on every request: "RequestFacts cannot be cast to RequestFacts".
 */
@QuarkusTest
@TestProfile(Profiles.CachesOn.class)
@WithTestResource(ReloadSafeHooksTest.NothingMore.class)
class ReloadSafeHooksTest extends AgainstAliceListed {

    /** A test resource that changes nothing but the set of resources, which makes Quarkus restart the application. */
    public static class NothingMore implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of();
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void aQueryRunsThroughTheHooksOfThisApplication() {
        // the limits read the request's facts, the timer and log line its state: classes of this application
        GraphQL.post("{ customers(limit: 1) { items { key } } }")
                .statusCode(200)
                .body("data.customers.items[0].key", equalTo("customer_123"));
    }

    @Test
    void theLimitsOfThisApplicationStillRefuseAnOperationOverThem() {
        String fiftyOneCalls = IntStream.range(0, 51).mapToObj(i -> "c" + i + ": customers(limit: 1) { items { key } }")
                .collect(Collectors.joining(" ", "{ ", " }"));

        GraphQL.post(fiftyOneCalls)
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"))
                .body("errors[0].message", containsString("51 calls"));
        wireMock.verifyNoCall();
    }
}
