package partnero.gateway.apikey;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same specification, run against the packaged application (and, with -Dnative, the native executable). */
@QuarkusIntegrationTest
class ApiKeyIT extends ApiKeyTest {
}
