package partnero.gateway.documents;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Trusted documents in the packaged application: the manifest read at start from a file. */
@QuarkusIntegrationTest
class TrustedDocumentsIT extends TrustedDocumentsTest {
}
