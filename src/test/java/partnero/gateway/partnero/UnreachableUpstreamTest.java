package partnero.gateway.partnero;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.Profiles;

/** Nothing listens where Partnero should be: the connection is refused. */
@QuarkusTest
@TestProfile(Profiles.PointingAtAClosedPort.class)
class UnreachableUpstreamTest {

    @Test
    void aRefusedConnectionIsUpstreamUnavailableWithoutStatus() {
        GraphQL.answeredWithoutData("{ customers { items { key } } }")
                .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"))
                .body("errors[0].extensions.upstreamStatus", nullValue())
                .body("errors[0].message", equalTo("Partnero could not be reached"));
    }
}
