package partnero.gateway.documents;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import partnero.gateway.support.PackagedGateway;

/**
 * Trusted documents that cannot be read stop the start with a clear message: a gateway that silently
 * ran every document instead would be open where its operator meant it closed. Runs the packaged
 * application itself (the native executable when the build made one): this is about the process.
 */
class BadManifestIT {

    @Test
    void anUnreadableManifestStopsTheStartAndSaysWhy() throws Exception {
        try (PackagedGateway attempt = PackagedGateway.launch("partnero.api.key=manifest-test-key",
                "partnero.documents.mode=trusted",
                "partnero.documents.manifest=src/test/resources/documents/not-a-manifest.json")) {

            assertThat("the process stopped", attempt.waitForExit(Duration.ofSeconds(60)), is(true));
            assertThat(attempt.exitCode(), not(0));
            assertThat(attempt.output(), containsString("the trusted documents manifest src/test/resources/documents/not-a-manifest.json"
                    + " is not one this gateway reads"));
        }
    }

    @Test
    void trustedModeWithoutAManifestStopsTheStartAndSaysWhy() throws Exception {
        try (PackagedGateway attempt = PackagedGateway.launch("partnero.api.key=manifest-test-key",
                "partnero.documents.mode=trusted")) {

            assertThat("the process stopped", attempt.waitForExit(Duration.ofSeconds(60)), is(true));
            assertThat(attempt.exitCode(), not(0));
            assertThat(attempt.output(), containsString("partnero.documents.mode=trusted needs partnero.documents.manifest"));
        }
    }
}
