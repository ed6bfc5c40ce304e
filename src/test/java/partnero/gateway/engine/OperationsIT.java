package partnero.gateway.engine;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Health, metrics, content types and CORS of the packaged application. */
@QuarkusIntegrationTest
class OperationsIT extends OperationsTest {
}
