package partnero.gateway.partnero;

import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static partnero.gateway.support.Queries.TWO_KEYS;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.support.AgainstPartneroStub;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.LogCapture;
import partnero.gateway.support.Profiles;

/** What operators read when a cached Partnero call fails: the gateway's one line per attempt, not the cache's stack trace too. */
@QuarkusTest
@TestProfile(Profiles.DataCacheOn.class)
class CacheLogTest extends AgainstPartneroStub {

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @Test
    void aFailedCallThroughTheDataCacheIsLoggedOnceByTheGateway() {
        wireMock.listAnswers(serverError());

        GraphQL.postWithKey(clientKey, TWO_KEYS);

        List<String> lines = logs.lines();
        assertThat(lines.stream().filter(line -> line.contains("Partnero GET /customers failed: HTTP 500")).toList(), hasSize(1));
        assertThat(lines.stream().filter(line -> line.contains("Exception thrown during asynchronous load")).toList(), empty());
    }
}
