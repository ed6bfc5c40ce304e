package partnero.gateway;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import partnero.gateway.support.PackagedGateway;

/**
 * A setting of the shared cache or the rate limit that makes no sense stops the start and names the
 * setting, instead of a gateway that limits nothing, times every Redis command out or keeps entries for
 * less than their ttl. Runs the packaged application itself (the native executable when the build made
 * one): Quarkus validates the settings' constraints as it starts.
 */
class BadSettingsIT {

    @ParameterizedTest
    @CsvSource({
            "partnero.rate-limit.requests-per-second, -1",
            "partnero.rate-limit.burst, 0",
            "partnero.cache.stale-if-error, -10s",
            "partnero.cache.stale-while-revalidate, -1s",
            "partnero.cache.redis.timeout, 0s" })
    void aSettingOutOfItsRangeStopsTheStartAndNamesIt(String setting, String value) throws Exception {
        try (PackagedGateway attempt = PackagedGateway.launch("partnero.api.key=settings-test-key", setting + "=" + value)) {

            assertThat("the process stopped", attempt.waitForExit(Duration.ofSeconds(60)), is(true));
            assertThat(attempt.exitCode(), not(0));
            assertThat(attempt.output(), containsString(setting));
        }
    }
}
