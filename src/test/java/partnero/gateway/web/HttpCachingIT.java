package partnero.gateway.web;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Caching headers and 304s from the packaged application. */
@QuarkusIntegrationTest
class HttpCachingIT extends HttpCachingTest {
}
