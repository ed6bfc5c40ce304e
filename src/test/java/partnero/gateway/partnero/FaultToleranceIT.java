package partnero.gateway.partnero;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Retries and rate limiting in the packaged application. */
@QuarkusIntegrationTest
class FaultToleranceIT extends FaultToleranceTest {
}
