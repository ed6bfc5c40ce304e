package partnero.gateway.customer;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The input rules in the packaged application: in the native executable the constraints are read from
 * metadata Hibernate Validator registered at build time, so a rule missing there would only show up here.
 */
@QuarkusIntegrationTest
class InputRulesIT extends InputRulesTest {
}
