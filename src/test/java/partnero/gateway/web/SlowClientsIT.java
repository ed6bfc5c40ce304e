package partnero.gateway.web;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Idle and slow clients against the packaged application: its timeouts are the ones it was built with. */
@QuarkusIntegrationTest
class SlowClientsIT extends SlowClientsTest {
}
