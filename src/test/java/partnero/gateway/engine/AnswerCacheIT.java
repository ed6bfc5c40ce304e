package partnero.gateway.engine;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Answers kept by the packaged application (and the native executable, whose caches need their classes registered). */
@QuarkusIntegrationTest
class AnswerCacheIT extends AnswerCacheTest {
}
