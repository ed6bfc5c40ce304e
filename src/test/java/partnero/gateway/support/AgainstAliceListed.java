package partnero.gateway.support;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.onlyPage;

import org.junit.jupiter.api.BeforeEach;

/** {@link AgainstPartneroStub} where Partnero's list answers one page with Alice alone, whatever is asked. */
public abstract class AgainstAliceListed extends AgainstPartneroStub {

    @BeforeEach
    void aliceIsListed() {
        wireMock.listAnswers(okJson(onlyPage(ALICE)));
    }
}
