package partnero.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.one;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.InjectWireMock;
import partnero.gateway.support.PartneroWireMock;

/**
 * An operator's own field-visibility patterns still hide fields: the gateway replaces SmallRye's
 * default visibility with graphql-java's plain one only when none is configured. JVM only, with no
 * IT twin: the native executable's schema is built at image build time, so a pattern given at run
 * time cannot reach it (Quarkus records the schema bootstrap in static initialization).
 */
@QuarkusTest
@WithTestResource(PartneroWireMock.class)
@TestProfile(FieldVisibilityTest.SurnameHidden.class)
class FieldVisibilityTest {

    public static class SurnameHidden implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.smallrye-graphql.field-visibility", "Customer.surname");
        }
    }

    @InjectWireMock
    WireMockServer wireMock;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        wireMock.stubFor(get(urlPathEqualTo("/v1/customers:search")).willReturn(okJson(one(ALICE))));
    }

    @Test
    void aConfiguredPatternHidesTheFieldFromQueriesBeforeAnyUpstreamCall() {
        GraphQL.post("{ searchCustomer(id: \"customer_123\") { key surname } }")
                .body("data", nullValue())
                .body("errors[0].extensions.classification", equalTo("ValidationError"));

        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aConfiguredPatternHidesTheFieldFromTheSchema() {
        RestAssured.get("/graphql/schema.graphql").then().statusCode(200)
                .body(containsString("partnerKey: String"))
                .body(not(containsString("surname")));
    }

    @Test
    void theOtherFieldsAreServed() {
        GraphQL.post("{ searchCustomer(id: \"customer_123\") { key name } }")
                .body("errors", nullValue())
                .body("data.searchCustomer.key", equalTo("customer_123"));
    }
}
