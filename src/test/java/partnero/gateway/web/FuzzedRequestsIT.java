package partnero.gateway.web;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The fuzzed requests against the packaged application (the jar; in CI also the native executable): fewer cases. */
@QuarkusIntegrationTest
class FuzzedRequestsIT extends FuzzedRequestsTest {

    @Override
    int defaultCases() {
        return 1_000;
    }
}
