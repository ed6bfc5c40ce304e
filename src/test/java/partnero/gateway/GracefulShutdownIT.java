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

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import partnero.gateway.support.PackagedGateway;

/**
 * SIGTERM while a request is in flight: the request still gets its answer, then the process exits.
 * Runs the packaged application itself (the native executable when the build made one), since this
 * is about the process, not about a test harness.
 */
class GracefulShutdownIT {

    WireMockServer wireMock;
    PackagedGateway gateway;

    @BeforeEach
    void start() {
        wireMock = new WireMockServer(options().dynamicPort());
        wireMock.start();
        gateway = PackagedGateway.launch("partnero.api.url=" + wireMock.baseUrl() + "/v1",
                "partnero.api.key=shutdown-test-key").awaitReady();
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.stop();
        }
        wireMock.stop();
    }

    @Test
    void aRequestInFlightAtSigtermIsAnsweredBeforeTheProcessExits() throws Exception {
        wireMock.stubFor(get(urlPathEqualTo("/v1/customers"))
                .willReturn(okJson(onlyPage(ALICE)).withFixedDelay(3_000)));
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> given().port(gateway.port())
                .contentType("application/json").body(Map.of("query", "{ customers { items { key } } }"))
                .post("/graphql").then().statusCode(200).extract().asString());
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> !wireMock.findAll(getRequestedFor(urlPathEqualTo("/v1/customers"))).isEmpty());
        assertThat("the request is still in flight", answer.isDone(), is(false));

        gateway.terminate(); // SIGTERM

        assertThat(answer.get(20, TimeUnit.SECONDS), containsString("\"key\":\"customer_123\""));
        assertThat("the process exited within the shutdown window", gateway.waitForExit(Duration.ofSeconds(20)), is(true));
    }

    /**
     * The pre-shutdown phase ({@code quarkus.shutdown.delay}, 5 s in production): after SIGTERM the
     * readiness check says DOWN, so that a load balancer stops sending requests, while requests that
     * still arrive, on new or kept-alive connections, are answered as usual.
     */
    @Test
    void afterSigtermItSaysNotReadyWhileItStillAnswersThenExits() throws Exception {
        gateway.stop();
        gateway = PackagedGateway.launch("partnero.api.url=" + wireMock.baseUrl() + "/v1",
                "partnero.api.key=shutdown-test-key", "quarkus.shutdown.delay=3s").awaitReady();
        wireMock.stubFor(get(urlPathEqualTo("/v1/customers")).willReturn(okJson(onlyPage(ALICE))));
        given().port(gateway.port()).get("/q/health/ready").then().statusCode(200);

        gateway.terminate(); // SIGTERM

        Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> given().port(gateway.port()).get("/q/health/ready").statusCode() == 503);
        given().port(gateway.port()).contentType("application/json").body(Map.of("query", "{ customers { items { key } } }"))
                .post("/graphql").then().statusCode(200).body(containsString("\"key\":\"customer_123\""));
        assertThat("the process exited after the delay and the shutdown", gateway.waitForExit(Duration.ofSeconds(20)), is(true));
    }
}
