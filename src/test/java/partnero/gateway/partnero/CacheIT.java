package partnero.gateway.partnero;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The cache of the packaged application. */
@QuarkusIntegrationTest
class CacheIT extends CacheTest {
}
