package partnero.gateway.engine;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The HTTP surface of the packaged application: GraphiQL is in the production build, the dev simulator is not. */
@QuarkusIntegrationTest
class HttpSurfaceIT extends HttpSurfaceTest {
}
