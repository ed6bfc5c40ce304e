package partnero.gateway.partnero;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.support.ConfigOverrides;
import partnero.gateway.support.GraphQL;

/** Nothing listens where Partnero should be: the connection is refused. */
@QuarkusTest
@TestProfile(UnreachableUpstreamTest.PointingAtAClosedPort.class)
class UnreachableUpstreamTest {

    public static class PointingAtAClosedPort extends ConfigOverrides {
        public PointingAtAClosedPort() {
            super("partnero.api.url", "http://127.0.0.1:" + closedPort() + "/v1",
                    "partnero.api.key", "server-key");
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aRefusedConnectionIsUpstreamUnavailableWithoutStatus() {
        GraphQL.post("{ customers { items { key } } }")
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"))
                .body("errors[0].extensions.upstreamStatus", nullValue())
                .body("errors[0].message", equalTo("Partnero could not be reached"));
    }
}
