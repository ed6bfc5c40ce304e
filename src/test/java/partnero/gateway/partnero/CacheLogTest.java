package partnero.gateway.partnero;

import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.support.AgainstPartneroStub;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.LogCapture;

/** What operators read when a cached Partnero call fails: the gateway's one line per attempt, not the cache's stack trace too. */
@QuarkusTest
@TestProfile(CacheTest.CacheOn.class)
class CacheLogTest extends AgainstPartneroStub {

    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.start();
    }

    @AfterEach
    void stopCapturing() {
        logs.stop();
    }

    @Test
    void aFailedCallThroughTheDataCacheIsLoggedOnceByTheGateway() {
        wireMock.listAnswers(serverError());

        GraphQL.postWithKey("client-" + UUID.randomUUID(), "{ customers(limit: 2) { items { key } } }");

        List<String> lines = logs.lines();
        assertThat(lines.stream().filter(line -> line.contains("Partnero GET /customers failed: HTTP 500")).toList(), hasSize(1));
        assertThat(lines.stream().filter(line -> line.contains("Exception thrown during asynchronous load")).toList(), empty());
    }
}
