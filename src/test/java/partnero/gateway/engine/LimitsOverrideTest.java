package partnero.gateway.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static partnero.gateway.support.PartneroStub.SEARCH_PATH;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.support.AgainstStandardCustomers;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.Profiles;

/**
 * {@code partnero.limits.*} given when the gateway starts take effect. Rerun against the packaged
 * jar and the native executable ({@code LimitsOverrideIT}), where they are given at run time: a limit
 * read while the engine is built at image build time would freeze and fail there.
 */
@QuarkusTest
@TestProfile(Profiles.TightLimits.class)
class LimitsOverrideTest extends AgainstStandardCustomers {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            { a: searchCustomer(id: "a") { key } b: searchCustomer(id: "b") { key } c: searchCustomer(id: "c") { key } } | This operation would make 3 calls to Partnero; at most 2 are allowed per request
            { __schema { queryType { fields { name } } } } | This operation nests 4 levels deep; at most 3 are allowed
            { searchCustomer(id: "a") { key email name surname partnerKey deleted } } | This operation selects 7 fields; at most 6 are allowed
            """)
    void anOperationOverALimitIsRefusedBeforeAnyCall(String document, String message) {
        GraphQL.answeredWithoutData(document)
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"))
                .body("errors[0].message", equalTo(message));
        wireMock.verifyNoCall();
    }

    @Test
    void twoCallsAreAllowed() {
        GraphQL.answered("{ a: searchCustomer(id: \"a\") { key } b: searchCustomer(id: \"b\") { key } }")
                .body("data.a.key", equalTo("customer_123"));

        wireMock.verify(2, getRequestedFor(urlPathEqualTo(SEARCH_PATH)));
    }

    @Test
    void threeLevelsAreAllowed() {
        GraphQL.answered("{ customers { items { key } pageInfo { hasNextPage } } }");
    }
}
