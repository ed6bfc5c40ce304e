package partnero.gateway.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import partnero.gateway.error.ErrorCode;
import partnero.gateway.error.GatewayException;

/**
 * The input rules on the arguments' records, checked by Hibernate Validator: a valid request passes as
 * it is; a broken rule is {@code BAD_USER_INPUT} naming its argument; several broken rules are
 * reported together, in a stable order. (Through {@code /graphql}: {@link InputRulesTest}, which
 * also checks that nothing reaches Partnero.)
 */
class InputRulesValidatorTest {

    // messages without expressions: no expression language needed, as in Quarkus
    static final ValidatorFactory VALIDATION = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    final InputRules rules = new InputRules(VALIDATION.getValidator());

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Test
    void aValidRequestPassesAsItIs() {
        CustomerListRequest request = new CustomerListRequest(1, 250, "partner_lumen", "ada@example.com");

        assertSame(request, rules.check(request));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0|15|    |                | page must be 1 or more",
            "1|0 |    |                | limit must be between 1 and 250",
            "1|251|   |                | limit must be between 1 and 250",
            "1|15|' ' |                | partnerKey must be a non-blank key without spaces",
            "1|15|    |not-an-email    | partnerEmail must be an email address" })
    void aBrokenRuleNamesItsArgument(int page, int limit, String partnerKey, String partnerEmail, String message) {
        GatewayException refused = assertThrows(GatewayException.class,
                () -> rules.check(new CustomerListRequest(page, limit, partnerKey, partnerEmail)));

        assertEquals(ErrorCode.BAD_USER_INPUT, refused.code());
        assertEquals(message, refused.getMessage());
    }

    @Test
    void severalBrokenRulesAreReportedTogetherInOrder() {
        GatewayException refused = assertThrows(GatewayException.class, () -> rules.check(new CustomerListRequest(0, 0, null, null)));

        assertEquals("limit must be between 1 and 250; page must be 1 or more", refused.getMessage());
    }

    @Test
    void aSearchTakesExactlyOneOfEmailOrId() {
        assertThrows(GatewayException.class, () -> rules.check(new CustomerSearchRequest(null, null)));
        assertThrows(GatewayException.class, () -> rules.check(new CustomerSearchRequest("ada@example.com", "cus_1")));
        assertSame(CustomerSearchRequest.class, rules.check(new CustomerSearchRequest(null, "cus_1")).getClass());
    }
}
