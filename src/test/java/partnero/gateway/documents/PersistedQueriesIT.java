package partnero.gateway.documents;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Persisted queries in the packaged application (and the native executable, whose store needs its cache classes registered). */
@QuarkusIntegrationTest
class PersistedQueriesIT extends PersistedQueriesTest {
}
