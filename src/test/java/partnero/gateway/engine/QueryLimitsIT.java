package partnero.gateway.engine;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The operation limits of the packaged application. */
@QuarkusIntegrationTest
class QueryLimitsIT extends QueryLimitsTest {
}
