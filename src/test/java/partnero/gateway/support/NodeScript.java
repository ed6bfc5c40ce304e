package partnero.gateway.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs one of the Node scripts of {@code src/test/node/} (real GraphQL clients from npm: Apollo Client,
 * graphql-http's audit) against the gateway, and returns what it printed as JSON. The scripts are
 * installed into {@code target/node-tests/} with {@code npm ci} from the committed lockfile, once per
 * build (again when the lockfile changes).
 * <p>
 * Without Node.js and npm the test cannot say anything: under CI ({@code CI} set, as {@code .ci/run}
 * does) it fails and says what to install; elsewhere it is skipped with the same message.
 */
public final class NodeScript {

    private static final Path SOURCE = Path.of("src/test/node");
    private static final Path INSTALLED = Path.of("target/node-tests");
    private static final long PATIENCE_SECONDS = 120;
    private static final ObjectMapper JSON = new ObjectMapper();

    private NodeScript() {
    }

    /** Runs {@code script} with {@code arguments}; fails the test with its output unless it printed JSON and exited 0. */
    public static JsonNode run(String script, String... arguments) throws IOException, InterruptedException {
        install();
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(arguments));
        Result result = execute(INSTALLED, command);
        if (result.exitCode() != 0) {
            fail("node " + script + " exited with " + result.exitCode() + ":\n" + result.output());
        }
        try {
            return JSON.readTree(Files.readString(result.stdout(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return fail("node " + script + " did not print JSON:\n" + result.output());
        } finally {
            Files.delete(result.stdout());
        }
    }

    private static synchronized void install() throws IOException, InterruptedException {
        if (!onPath("node") || !onPath("npm")) {
            String message = "The client tests need Node.js and npm on the PATH"
                    + " (Debian: apt-get install nodejs npm; .ci/run installs them)";
            if (System.getenv("CI") != null) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        Files.createDirectories(INSTALLED);
        boolean lockChanged = !Files.exists(INSTALLED.resolve("package-lock.json"))
                || Files.mismatch(SOURCE.resolve("package-lock.json"), INSTALLED.resolve("package-lock.json")) != -1;
        try (var files = Files.list(SOURCE)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, INSTALLED.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (lockChanged || !Files.isDirectory(INSTALLED.resolve("node_modules"))) {
            Result installed = execute(INSTALLED, List.of("npm", "ci", "--no-audit", "--no-fund"));
            if (installed.exitCode() != 0) {
                fail("npm ci in " + INSTALLED + " failed:\n" + installed.output());
            }
        }
    }

    private record Result(int exitCode, Path stdout, String output) {
    }

    private static Result execute(Path directory, List<String> command) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("node-stdout", ".json");
        Path stderr = Files.createTempFile("node-stderr", ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        boolean exited = process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            // npm runs its own children; leave none of them behind either
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        String output = "stdout: " + Files.readString(stdout) + "\nstderr: " + Files.readString(stderr);
        Files.delete(stderr);
        if (!exited) {
            Files.delete(stdout);
            fail(String.join(" ", command) + " took more than " + PATIENCE_SECONDS + " s:\n" + output);
        }
        return new Result(process.exitValue(), stdout, output);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(java.io.File.pathSeparator)).stream()
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, program)));
    }
}
