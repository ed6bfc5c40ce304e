package partnero.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.onlyPage;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * SIGTERM while a request is in flight: the request still gets its answer, then the process exits.
 * Runs the packaged application itself (the native executable when the build made one), since this
 * is about the process, not about a test harness.
 */
class GracefulShutdownIT {

    WireMockServer wireMock;
    Process gateway;
    int port;

    @BeforeEach
    void start() throws IOException {
        wireMock = new WireMockServer(options().dynamicPort());
        wireMock.start();
        port = freePort();
        List<String> command = new ArrayList<>();
        Path nativeRunner = Path.of(System.getProperty("native.image.path", "target/none"));
        if (Files.isExecutable(nativeRunner)) {
            command.add(nativeRunner.toAbsolutePath().toString());
        } else {
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    "target/quarkus-app/quarkus-run.jar"));
        }
        command.addAll(1, List.of(
                "-Dquarkus.http.port=" + port,
                "-Dpartnero.api.url=" + wireMock.baseUrl() + "/v1",
                "-Dpartnero.api.key=shutdown-test-key"));
        File log = File.createTempFile("gateway-shutdown", ".log");
        gateway = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                given().port(port).get("/q/health/ready").statusCode() == 200);
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.destroyForcibly();
        }
        wireMock.stop();
    }

    @Test
    void aRequestInFlightAtSigtermIsAnsweredBeforeTheProcessExits() throws Exception {
        wireMock.stubFor(get(urlPathEqualTo("/v1/customers"))
                .willReturn(okJson(onlyPage(ALICE)).withFixedDelay(3_000)));
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> given().port(port)
                .contentType("application/json").body(Map.of("query", "{ customers { items { key } } }"))
                .post("/graphql").then().statusCode(200).extract().asString());
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> !wireMock.findAll(getRequestedFor(urlPathEqualTo("/v1/customers"))).isEmpty());
        assertThat("the request is still in flight", answer.isDone(), is(false));

        gateway.destroy(); // SIGTERM

        assertThat(answer.get(20, TimeUnit.SECONDS), containsString("\"key\":\"customer_123\""));
        assertThat("the process exited within the shutdown window", gateway.waitFor(20, TimeUnit.SECONDS), is(true));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
