package partnero.gateway.graph;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same specification, run against the packaged application (and, with -Dnative, the native executable). */
@QuarkusIntegrationTest
class PartneroGraphIT extends PartneroGraphTest {
}
