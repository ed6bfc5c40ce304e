package partnero.gateway.partnero;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The whole-call deadline of the packaged application (Mutiny's timer, SmallRye Fault Tolerance's retries). */
@QuarkusIntegrationTest
class DeadlineIT extends DeadlineTest {
}
