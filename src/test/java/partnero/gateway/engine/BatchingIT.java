package partnero.gateway.engine;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Batches answered by the packaged application. */
@QuarkusIntegrationTest
class BatchingIT extends BatchingTest {
}
