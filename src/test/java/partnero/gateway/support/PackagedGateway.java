package partnero.gateway.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * The packaged application as an operator runs it, for the tests that are about the process (how it
 * starts, stops, fails to start, shares a Redis with a second one) rather than about a request: the
 * native executable when the last build made it ({@code native.image.path}, set by failsafe, and
 * {@code target/quarkus-artifact.properties}), else
 * {@code java -jar target/quarkus-app/quarkus-run.jar}.
 * <p>
 * Each launch gets a free port of its own, passed as {@code -Dquarkus.http.port}, and a log of its
 * own, {@code target/gateway-<port>.log}, so two can run side by side.
 */
public final class PackagedGateway implements AutoCloseable {

    private static final Duration START_PATIENCE = Duration.ofSeconds(60);
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Path log;

    private PackagedGateway(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the application with these settings ({@code name=value}, each passed as {@code -Dname=value})
     * and returns at once: {@link #awaitReady()} waits for it to serve, {@link #waitForExit} for it to
     * give up.
     */
    public static PackagedGateway launch(String... settings) {
        Path nativeRunner = Path.of(System.getProperty("native.image.path", "target/none"));
        return start(Files.isExecutable(nativeRunner) && lastBuiltNative() ? nativeRunner : null, List.of(), settings);
    }

    /**
     * Whether the last package built the native executable, as Quarkus records it for its own
     * {@code @QuarkusIntegrationTest} ({@code target/quarkus-artifact.properties}): an executable left
     * in {@code target/} by an earlier native build must not stand in for the jar just built.
     */
    private static boolean lastBuiltNative() {
        java.util.Properties artifact = new java.util.Properties();
        try (var in = Files.newInputStream(Path.of("target/quarkus-artifact.properties"))) {
            artifact.load(in);
        } catch (java.io.IOException none) {
            return true; // no record: the runner, when there is one, is what was built
        }
        return "native".equals(artifact.getProperty("type"));
    }

    /**
     * The jar, whatever else the build made, with options for the JVM before {@code -jar}: for a test of
     * how the JVM runs it ({@code AotCacheCheck}), which must not silently run the native executable.
     */
    public static PackagedGateway launchJar(List<String> jvmOptions, String... settings) {
        return start(null, jvmOptions, settings);
    }

    private static PackagedGateway start(Path nativeRunner, List<String> jvmOptions, String... settings) {
        int port = FreePorts.take();
        Path log = Path.of("target", "gateway-" + port + ".log");
        boolean runsNative = nativeRunner != null;
        List<String> command = new ArrayList<>();
        command.add(runsNative ? nativeRunner.toAbsolutePath().toString()
                : Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dquarkus.http.port=" + port);
        for (String setting : settings) {
            command.add("-D" + setting);
        }
        if (!runsNative) {
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        }
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new PackagedGateway(process, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command) + " could not be run", e);
        }
    }

    /**
     * Waits until {@code /q/health/ready} answers 200, at most a minute; fails the test with the output
     * (and stops the process) when it exits first or takes longer.
     */
    public PackagedGateway awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(baseUri().resolve("/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        try {
            Awaitility.await().atMost(START_PATIENCE).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .failFast(() -> !process.isAlive())
                    .until(() -> http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
            return this;
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            String what = process.isAlive() ? "was not ready within " + START_PATIENCE.toSeconds() + " s"
                    : "exited with " + process.exitValue();
            stop();
            return fail("The gateway on port " + port + " " + what + "; its output (" + log + "):\n" + output());
        }
    }

    public int port() {
        return port;
    }

    /** {@code http://localhost:<port>}. */
    public URI baseUri() {
        return URI.create("http://localhost:" + port);
    }

    /** Everything the process printed so far, standard output and error interleaved. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends SIGTERM and returns at once, for a test of what the process does meanwhile. */
    public void terminate() {
        process.destroy();
    }

    /** Whether the process exited within {@code timeout}. */
    public boolean waitForExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The exit code of a process that has exited. */
    public int exitCode() {
        return process.exitValue();
    }

    /** SIGTERM, then SIGKILL when it has not exited within 30 s; returns once it is gone. */
    public void stop() {
        process.destroy();
        try {
            if (!waitForExit(STOP_PATIENCE)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
