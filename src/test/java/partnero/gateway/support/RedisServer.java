package partnero.gateway.support;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * One real {@code redis-server} (Debian's), on a free port of 127.0.0.1, without persistence: what
 * the shared cache backend ({@code partnero.cache.backend=redis}) talks to in the tests. A mock would
 * only answer what its author thought Redis answers; this one also expires, evicts, drops
 * connections and crashes like the real thing ({@link #kill()}, then {@link #restart()}).
 * <p>
 * Its output goes to {@code target/redis-<port>.log}, shown when it does not start. The helpers that
 * look into the keyspace speak RESP over a socket of their own, so they are independent of the
 * gateway's Redis client. Test classes that need it carry {@link RequiresRedisServer}; a
 * {@code @QuarkusTest} gets one from {@link Resource}.
 */
public final class RedisServer {

    /** Where {@code redis-server} is, when it is not to be looked up on the PATH. */
    public static final String PATH_PROPERTY = "redis.server.path";

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final int TIMEOUT_MILLIS = 5_000;

    private final Path executable;
    private final int port;
    private final Path log;
    private Process process;

    private RedisServer(Path executable, int port) {
        this.executable = executable;
        this.port = port;
        this.log = Path.of("target", "redis-" + port + ".log");
    }

    /** Starts a server on a free port and returns once it answers PING. */
    public static RedisServer start() {
        Path executable = executable().orElseThrow(() -> new IllegalStateException(missing()));
        RedisServer server = new RedisServer(executable, FreePorts.take());
        try {
            Files.createDirectories(server.log.getParent());
            Files.deleteIfExists(server.log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.launch();
        return server;
    }

    public int port() {
        return port;
    }

    /** The address as {@code quarkus.redis.hosts} takes it. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Stops the server (SIGTERM, then SIGKILL if it lingers) and waits until it is gone. */
    public void stop() {
        process.destroy();
        awaitExit();
    }

    /** Kills the server without letting it close anything, as a crash would, and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** Starts the server again on the same port, empty (nothing is persisted); a running one is stopped first. */
    public void restart() {
        if (process.isAlive()) {
            stop();
        }
        launch();
    }

    /**
     * Starts the server again, empty, if it does not answer PING (a test killed it); {@code true} when it
     * had to. For a suite's set-up and tear-down, so that one test's outage is not the next one's.
     */
    public boolean upAgain() {
        if (answersPing()) {
            return false;
        }
        restart();
        return true;
    }

    /** Whether the server answers PING now; {@code false} while it is down. */
    public boolean answersPing() {
        try {
            return "PONG".equals(call("PING"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Every key in the keyspace, sorted. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Object key : (List<?>) command("KEYS", "*")) {
            keys.add(new String((byte[]) key, StandardCharsets.UTF_8));
        }
        keys.sort(null);
        return keys;
    }

    /** The value stored at {@code key}, byte for byte, or {@code null} when there is none. */
    public byte[] get(String key) {
        return (byte[]) command("GET", key);
    }

    public long dbSize() {
        return (Long) command("DBSIZE");
    }

    public void flushAll() {
        command("FLUSHALL");
    }

    /**
     * Any Redis command, e.g. {@code command("TTL", key)}. The answer as RESP types it: a
     * {@code String} (status), a {@code Long} (integer), a {@code byte[]} (bulk string), a
     * {@code List} of those, or {@code null}; an error answer throws {@link IllegalStateException}.
     */
    public Object command(String... arguments) {
        try {
            return call(arguments);
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server on port " + port + " did not answer " + arguments[0], e);
        }
    }

    /** {@code redis-server}: at {@value #PATH_PROPERTY} when that is set, else the first on the PATH. */
    static Optional<Path> executable() {
        String configured = System.getProperty(PATH_PROPERTY);
        Stream<Path> candidates = configured != null
                ? Stream.of(Path.of(configured))
                : Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                        .filter(folder -> !folder.isEmpty())
                        .map(folder -> Path.of(folder, "redis-server"));
        return candidates.filter(Files::isExecutable).findFirst();
    }

    /** Why there is no server, and what to install. */
    static String missing() {
        String where = System.getProperty(PATH_PROPERTY) != null
                ? "is not at " + System.getProperty(PATH_PROPERTY) + " (-D" + PATH_PROPERTY + ")"
                : "is not on the PATH";
        return "redis-server " + where + "; install Debian's redis-server to run the Redis tests"
                + " (apt-get install redis-server; .ci/run installs it)";
    }

    private void launch() {
        try {
            process = new ProcessBuilder(executable.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--protected-mode", "no")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(executable + " could not be run", e);
        }
        try {
            Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
                    .failFast(() -> !process.isAlive())
                    .until(this::answersPing);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            String what = process.isAlive() ? "did not answer PING within " + PATIENCE.toSeconds() + " s"
                    : "exited with " + process.exitValue();
            kill();
            throw new IllegalStateException("redis-server on port " + port + " " + what + "; its output (" + log + "):\n"
                    + output());
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private Object call(String... arguments) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            out.write(("*" + arguments.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            for (String argument : arguments) {
                byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
                out.write(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream()));
        }
    }

    private static Object read(InputStream in) throws IOException {
        int type = in.read();
        String line = readLine(in);
        switch (type) {
            case '+':
                return line;
            case '-':
                throw new IllegalStateException("Redis answered " + line);
            case ':':
                return Long.parseLong(line);
            case '$': {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return null;
                }
                byte[] value = in.readNBytes(length);
                in.readNBytes(2);
                return value;
            }
            case '*': {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return null;
                }
                List<Object> elements = new ArrayList<>(length);
                for (int i = 0; i < length; i++) {
                    elements.add(read(in));
                }
                return elements;
            }
            default:
                throw new IOException("not a RESP answer: " + (type < 0 ? "end of stream" : (char) type + line));
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\r'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-answer");
            }
            line.write(b);
        }
        in.read(); // the \n after the \r
        return line.toString(StandardCharsets.UTF_8);
    }

    /**
     * Gives a {@code @QuarkusTest} (or {@code @QuarkusIntegrationTest}) its own Redis server, started
     * before the application and stopped after it, with the gateway pointed at it
     * ({@code partnero.cache.backend=redis}, {@code quarkus.redis.hosts}). The test reaches the
     * server through a {@link InjectRedisServer} field. Put {@link RequiresRedisServer} on the test
     * class too, so that a machine without Redis skips the class (or, under CI, fails it) instead of
     * failing here.
     */
    public static class Resource extends SuiteServer<RedisServer> {

        public Resource() {
            super(InjectRedisServer.class, RedisServer.class);
        }

        @Override
        protected Map<String, String> startServer() {
            server = RedisServer.start();
            return Map.of("partnero.cache.backend", "redis", "quarkus.redis.hosts", server.uri());
        }

        @Override
        protected void stopServer() {
            server.stop();
        }
    }
}
