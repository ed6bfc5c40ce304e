package partnero.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.onlyPage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import partnero.gateway.support.PackagedGateway;

/**
 * The JDK 25 AOT cache that {@code ./mvnw verify -Daot} builds works as the README says to run it:
 * the jar starts with {@code -XX:AOTCache=target/quarkus-app/app.aot} and {@code -XX:AOTMode=on}, which
 * makes the JVM refuse to start when it cannot use the cache (another JDK, another jar or class path),
 * and answers a query through Partnero.
 * <p>
 * Not a {@code *IT}: the {@code aot} profile runs it on its own, after the integration tests, whose
 * runs of the jar are the cache's training and which write {@code app.aot} as they stop.
 */
class AotCacheCheck {

    static final Path CACHE = Path.of("target", "quarkus-app", "app.aot");

    @Test
    void theJarStartsWithTheCacheTheIntegrationTestsTrainedAndAnswers() {
        assertTrue(Files.isRegularFile(CACHE), CACHE + " was not written: run ./mvnw verify -Daot on JDK 25, integration tests included");
        WireMockServer partnero = new WireMockServer(options().dynamicPort());
        partnero.start();
        partnero.stubFor(get(urlPathEqualTo("/v1/customers")).willReturn(okJson(onlyPage(ALICE))));
        try (PackagedGateway gateway = PackagedGateway.launchJar(List.of("-XX:AOTCache=" + CACHE, "-XX:AOTMode=on"),
                "partnero.api.url=" + partnero.baseUrl() + "/v1", "partnero.api.key=aot-check-key").awaitReady()) {

            given().port(gateway.port()).contentType("application/json")
                    .body(Map.of("query", "{ customers { items { key } } }"))
                    .when().post("/graphql")
                    .then().statusCode(200).body("data.customers.items[0].key", is("customer_123"));
            partnero.verify(1, getRequestedFor(urlPathEqualTo("/v1/customers")));
        } finally {
            partnero.stop();
        }
    }
}
