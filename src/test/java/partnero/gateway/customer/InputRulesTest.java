package partnero.gateway.customer;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import partnero.gateway.support.AgainstPartneroStub;
import partnero.gateway.support.GraphQL;

/** Every input rule of SPEC.md: rejected with BAD_USER_INPUT naming the argument, and nothing sent upstream. */
@QuarkusTest
class InputRulesTest extends AgainstPartneroStub {

    @AfterEach
    void nothingWasSentUpstream() {
        wireMock.verifyNoCall();
    }

    @ParameterizedTest(name = "customers({0}) names {1}")
    @CsvFileSource(resources = "/input-rules/customers.csv", delimiter = '|', quoteCharacter = '\'')
    void customersArgumentsBreakingARuleAreRejectedBeforeAnyUpstreamCall(String arguments, String argument) {
        rejectedAsBadUserInput("customers", arguments, "items { key }", argument)
                .body("data", nullValue());
    }

    @ParameterizedTest(name = "searchCustomer({0}) names {1}")
    @CsvFileSource(resources = "/input-rules/search-customer.csv", delimiter = '|', quoteCharacter = '\'')
    void searchArgumentsBreakingARuleAreRejectedBeforeAnyUpstreamCall(String arguments, String named) {
        rejectedAsBadUserInput("searchCustomer", arguments, "key", named)
                .body("data.searchCustomer", nullValue());
    }

    @Test
    void searchWithNoArgumentIsRejected() {
        GraphQL.post("{ searchCustomer { key } }")
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("exactly one of email or id"));
    }

    /** {@code field(arguments) { selection }} is refused as BAD_USER_INPUT on the field's path, the message naming {@code named}. */
    private static ValidatableResponse rejectedAsBadUserInput(String field, String arguments, String selection, String named) {
        return GraphQL.post("{ " + field + "(" + arguments + ") { " + selection + " } }")
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString(named))
                .body("errors[0].path[0]", equalTo(field));
    }
}
