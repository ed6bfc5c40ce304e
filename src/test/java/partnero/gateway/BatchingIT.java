package partnero.gateway;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Batches answered by the packaged application. */
@QuarkusIntegrationTest
class BatchingIT extends BatchingTest {
}
