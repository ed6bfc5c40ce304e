package partnero.gateway.partnero;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same specification, run against the packaged application (and, with -Dnative, the native executable). */
@QuarkusIntegrationTest
class UpstreamErrorsIT extends UpstreamErrorsTest {
}
