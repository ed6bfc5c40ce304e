package partnero.gateway.support;

import static partnero.gateway.support.PartneroBodies.ALICE;

import org.junit.jupiter.api.BeforeEach;

/** {@link AgainstPartneroStub} where Partnero's search finds Alice, whatever is asked: the suites about a request rather than its data. */
public abstract class AgainstAliceFound extends AgainstPartneroStub {

    @BeforeEach
    void aliceIsFound() {
        wireMock.searchFinds(ALICE);
    }
}
