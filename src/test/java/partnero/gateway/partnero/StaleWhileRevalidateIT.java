package partnero.gateway.partnero;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same, against the packaged application (the native executable in the native build). */
@QuarkusIntegrationTest
class StaleWhileRevalidateIT extends StaleWhileRevalidateTest {
}
