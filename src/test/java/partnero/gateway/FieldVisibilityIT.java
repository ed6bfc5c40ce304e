package partnero.gateway;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Field visibility of the packaged application (the native executable builds the schema at startup too). */
@QuarkusIntegrationTest
class FieldVisibilityIT extends FieldVisibilityTest {
}
