package partnero.gateway.engine;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import partnero.gateway.support.AgainstAliceFound;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.Profiles;

/**
 * An operator's own field-visibility patterns still hide fields: the gateway replaces SmallRye's
 * default visibility with graphql-java's plain one only when none is configured. JVM only, with no
 * IT twin: the native executable's schema is built at image build time, so a pattern given at run
 * time cannot reach it (Quarkus records the schema bootstrap in static initialization). The profile
 * also sets SmallRye's depth limit to 2 ({@link SmallRyeWiringTest}'s): the queries here are two deep.
 */
@QuarkusTest
@TestProfile(Profiles.SmallRyeSettings.class)
class FieldVisibilityTest extends AgainstAliceFound {

    @Test
    void aConfiguredPatternHidesTheFieldFromQueriesBeforeAnyUpstreamCall() {
        GraphQL.answeredWithoutData("{ searchCustomer(id: \"customer_123\") { key surname } }")
                .body("errors[0].extensions.classification", equalTo("ValidationError"));

        wireMock.verifyNoCall();
    }

    @Test
    void aConfiguredPatternHidesTheFieldFromTheSchema() {
        String schema = RestAssured.get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        String customer = schema.substring(schema.indexOf("type Customer {"), schema.indexOf("\n}", schema.indexOf("type Customer {")));

        org.hamcrest.MatcherAssert.assertThat(customer, containsString("partnerKey: String"));
        org.hamcrest.MatcherAssert.assertThat(customer, not(containsString("surname")));
    }

    @Test
    void theOtherFieldsAreServed() {
        GraphQL.answered("{ searchCustomer(id: \"customer_123\") { key name } }")
                .body("data.searchCustomer.key", equalTo("customer_123"));
    }
}
