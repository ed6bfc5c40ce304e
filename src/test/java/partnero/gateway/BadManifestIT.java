package partnero.gateway;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Trusted documents that cannot be read stop the start with a clear message: a gateway that silently
 * ran every document instead would be open where its operator meant it closed. Runs the packaged
 * application itself (the native executable when the build made one): this is about the process.
 */
class BadManifestIT {

    @Test
    void anUnreadableManifestStopsTheStartAndSaysWhy() throws Exception {
        Startup attempt = start("-Dpartnero.documents.mode=trusted",
                "-Dpartnero.documents.manifest=src/test/resources/documents/not-a-manifest.json");

        assertThat("the process stopped", attempt.exited(), is(true));
        assertThat(attempt.exitCode(), not(0));
        assertThat(attempt.output(), containsString("the trusted documents manifest src/test/resources/documents/not-a-manifest.json"
                + " is not one this gateway reads"));
    }

    @Test
    void trustedModeWithoutAManifestStopsTheStartAndSaysWhy() throws Exception {
        Startup attempt = start("-Dpartnero.documents.mode=trusted");

        assertThat("the process stopped", attempt.exited(), is(true));
        assertThat(attempt.exitCode(), not(0));
        assertThat(attempt.output(), containsString("partnero.documents.mode=trusted needs partnero.documents.manifest"));
    }

    private record Startup(boolean exited, int exitCode, String output) {
    }

    private static Startup start(String... settings) throws Exception {
        List<String> command = new ArrayList<>();
        Path nativeRunner = Path.of(System.getProperty("native.image.path", "target/none"));
        if (Files.isExecutable(nativeRunner)) {
            command.add(nativeRunner.toAbsolutePath().toString());
        } else {
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    "target/quarkus-app/quarkus-run.jar"));
        }
        command.addAll(1, List.of("-Dquarkus.http.port=0", "-Dpartnero.api.key=manifest-test-key"));
        command.addAll(1, List.of(settings));
        Path log = Files.createTempFile("gateway-bad-manifest", ".log");
        Process gateway = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            boolean exited = gateway.waitFor(60, TimeUnit.SECONDS);
            return new Startup(exited, exited ? gateway.exitValue() : -1, Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            gateway.destroyForcibly();
        }
    }
}
