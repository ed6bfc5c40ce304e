package partnero.gateway.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.support.AgainstPartneroStub;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.Profiles;

/**
 * The engine's hooks add to SmallRye GraphQL's own wiring and take nothing away from it: SmallRye's
 * instrumentations still run beside the gateway's limits, and SmallRye's exception handler still
 * shapes a resolver's error. Fails if a hook replaced what SmallRye configures (an instrumentation
 * set instead of chained, an execution strategy with another exception handler). The profile also hides
 * {@code Customer.surname} ({@link FieldVisibilityTest}'s), which nothing here asks for.
 */
@QuarkusTest
@TestProfile(Profiles.SmallRyeSettings.class)
class SmallRyeWiringTest extends AgainstPartneroStub {

    /** SmallRye's own depth instrumentation, set far below the gateway's limit of 15. */
    @Test
    void smallRyesOwnInstrumentationStillRunsBesideTheGatewaysLimits() {
        GraphQL.answeredWithoutData("{ customers { items { key } } }")
                .body("errors[0].message", equalTo("maximum query depth exceeded 3 > 2"));

        wireMock.verifyNoCall();
    }

    @Test
    void smallRyesExceptionHandlerStillShapesAResolversError() {
        wireMock.searchAnswers(aResponse().withStatus(403));

        GraphQL.post("{ searchCustomer(id: \"customer_123\") { key } }")
                .body("data.searchCustomer", nullValue())
                .body("errors[0].message", equalTo("Partnero does not allow this action for this API key"))
                .body("errors[0].path", contains("searchCustomer"))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("errors[0].extensions.upstreamStatus", equalTo(403))
                .body("errors[0].extensions.classification", equalTo("DataFetchingException"));
    }
}
