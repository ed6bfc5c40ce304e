package partnero.gateway.support;

import org.junit.jupiter.api.BeforeEach;

/** {@link AgainstPartneroStub} where Partnero serves {@link PartneroStub#servesTheStandardCustomers() the standard customers}. */
public abstract class AgainstStandardCustomers extends AgainstPartneroStub {

    @BeforeEach
    void partneroServesTheStandardCustomers() {
        wireMock.servesTheStandardCustomers();
    }
}
