package partnero.gateway.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts a {@link PartneroStub} and points the gateway at it with a server-side key. Tests stub and
 * verify through the stub injected into their {@link InjectWireMock} field.
 * <p>
 * With the init argument {@code tls=true}, Partnero is served over HTTPS only, as in production,
 * with a certificate for {@code localhost} made for the run by the JDK's keytool. The gateway trusts
 * that certificate through a named TLS configuration (nothing is trusted blindly, the host name is
 * checked), so a passing test means the TLS handshake and certificate validation work in the
 * packaged artifact.
 */
public class PartneroWireMock extends SuiteServer<PartneroStub> {

    /** The key the gateway is configured with, as {@code PARTNERO_API_KEY} would set it. */
    public static final String SERVER_KEY = "server-key-0b5e7c";
    /** Init argument: serve Partnero over HTTPS only. */
    public static final String TLS = "tls";

    private static final String PASSWORD = "partnero-test";
    private static final String TRUSTED_CERTIFICATES = "quarkus.tls.partnero-test.trust-store.pem.certs";
    private static final String CLIENT_TLS = "quarkus.rest-client.partnero.tls-configuration-name";

    private boolean tls;
    private Path certificates;

    public PartneroWireMock() {
        super(InjectWireMock.class, PartneroStub.class);
    }

    @Override
    public void init(Map<String, String> initArgs) {
        tls = Boolean.parseBoolean(initArgs.getOrDefault(TLS, "false"));
    }

    @Override
    protected Map<String, String> startServer() {
        if (!tls) {
            server = new PartneroStub(options().dynamicPort());
            server.start();
            return Map.of("partnero.api.url", server.baseUrl() + "/v1", "partnero.api.key", SERVER_KEY);
        }
        certificates = temporaryDirectory();
        Path keystore = certificates.resolve("partnero.p12");
        Path certificate = certificates.resolve("partnero.pem");
        keytool("-genkeypair", "-alias", "partnero", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "partnero", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        server = new PartneroStub(options().httpDisabled(true).dynamicHttpsPort()
                .keystorePath(keystore.toString()).keystoreType("PKCS12")
                .keystorePassword(PASSWORD).keyManagerPassword(PASSWORD));
        server.start();
        return Map.of(
                "partnero.api.url", "https://localhost:" + server.httpsPort() + "/v1",
                "partnero.api.key", SERVER_KEY,
                TRUSTED_CERTIFICATES, certificate.toString(),
                CLIENT_TLS, "partnero-test");
    }

    @Override
    protected void stopServer() {
        server.stop();
        if (certificates != null) {
            try (Stream<Path> files = Files.walk(certificates)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind is harmless
            }
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("partnero-tls");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void keytool(String... arguments) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = Stream.concat(Stream.of(keytool.toString(), "-noprompt"), Stream.of(arguments)).toList();
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("keytool could not be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
