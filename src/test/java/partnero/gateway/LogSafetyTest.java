package partnero.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.junit.QuarkusTest;
import partnero.gateway.support.AgainstPartneroStub;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.LogCapture;
import partnero.gateway.support.PartneroWireMock;

/** Captures everything the gateway logs while every error path is provoked: no key and no email may appear. */
@QuarkusTest
class LogSafetyTest extends AgainstPartneroStub {

    static final String CLIENT_KEY = "client-key-never-logged-91c2";
    static final String EMAIL = "private.person+tag@secret-domain.example";
    static final String LIST = "query Page { customers(partnerEmail: \"" + EMAIL + "\") { items { key } } }";
    static final String SEARCH = "query Find { searchCustomer(email: \"" + EMAIL + "\") { key } }";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @Test
    void noErrorPathLogsAKeyOrAnEmail() {
        provoke(aResponse().withStatus(400));
        provoke(aResponse().withStatus(401));
        provoke(aResponse().withStatus(403));
        provoke(aResponse().withStatus(404));
        provoke(aResponse().withStatus(422));
        provoke(aResponse().withStatus(500));
        provoke(aResponse().withStatus(503));
        provoke(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        provoke(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
        provoke(okJson("{\"data\": [{\"key\": "));
        provoke(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>" + EMAIL + "</html>"));
        provoke(okJson("{\"data\": [{\"key\": \"c1\", \"email\": \"" + EMAIL + "\", \"created_at\": \"" + EMAIL + "\"}]}"));
        provoke(aResponse().withStatus(200).withFixedDelay(2_500));
        provoke(aResponse().withStatus(429));
        // with a Retry-After, a 429 holds the key's calls back that long: only this suite's own key, and last
        wireMock.listAnswers(aResponse().withStatus(429).withHeader("Retry-After", "60"));
        GraphQL.postWithKey(CLIENT_KEY, LIST);
        GraphQL.postWithKey(CLIENT_KEY, "{ searchCustomer(email: \"not-an-email " + EMAIL + "\") { key } }");
        GraphQL.postWithKey(CLIENT_KEY, "{ customers(limit: 9999, partnerEmail: \"" + EMAIL + "\") { items { key } } }");
        GraphQL.postWithKey(CLIENT_KEY, "{ " + "x: customers { items { key } } ".repeat(1) + "nope(email: \"" + EMAIL + "\") }");
        given().header("Authorization", "Bearer " + CLIENT_KEY).contentType("text/plain")
                .body(("{\"query\": \"" + SEARCH.replace("\"", "\\\"") + "\"}").getBytes()).post("/graphql");
        given().when().get("/q/health/group/partnero");

        List<String> lines = logs.lines();
        assertThat("a request line", lines.stream().anyMatch(line -> line.contains(
                "graphql operation=Find outcome=partial") && line.contains("errors=[UPSTREAM_UNAVAILABLE]")));
        assertThat("an upstream failure line", lines.stream().anyMatch(line -> line.contains(
                "Partnero GET /customers:search failed: HTTP 503 -> UPSTREAM_UNAVAILABLE")));
        for (String line : lines) {
            for (String secret : List.of(CLIENT_KEY, PartneroWireMock.SERVER_KEY, "private.person", "secret-domain")) {
                assertThat("a log line reveals " + secret + ": " + line, !line.contains(secret));
            }
        }
    }

    private void provoke(ResponseDefinitionBuilder response) {
        wireMock.listAnswers(response);
        wireMock.searchAnswers(response);
        GraphQL.postWithKey(CLIENT_KEY, SEARCH);
        GraphQL.postWithKey(CLIENT_KEY, LIST);
        GraphQL.post(SEARCH);
    }
}
