package partnero.gateway.engine;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Limits given at run time to the packaged application (and the native executable) take effect. */
@QuarkusIntegrationTest
class LimitsOverrideIT extends LimitsOverrideTest {
}
