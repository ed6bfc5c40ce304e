package partnero.gateway.support;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.BOB_DELETED;
import static partnero.gateway.support.PartneroBodies.one;
import static partnero.gateway.support.PartneroBodies.onlyPage;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.Options;

/**
 * WireMock playing Partnero: the whole of WireMock ({@code stubFor}, {@code verify}, ...) plus the
 * stubs and checks the suites share, so that a test says what Partnero does in one line.
 */
public class PartneroStub extends WireMockServer {

    public static final String LIST_PATH = "/v1/customers";
    public static final String SEARCH_PATH = "/v1/customers:search";

    PartneroStub(Options options) {
        super(options);
    }

    /** A stub on a free port, started, for tests that run the packaged gateway themselves; its URL is {@code baseUrl() + "/v1"}. */
    public static PartneroStub started() {
        PartneroStub stub = new PartneroStub(com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort());
        stub.start();
        return stub;
    }

    /** {@code GET /customers} answers this. */
    public void listAnswers(ResponseDefinitionBuilder response) {
        stubFor(get(urlPathEqualTo(LIST_PATH)).willReturn(response));
    }

    /** {@code GET /customers:search} answers this. */
    public void searchAnswers(ResponseDefinitionBuilder response) {
        stubFor(get(urlPathEqualTo(SEARCH_PATH)).willReturn(response));
    }

    /** {@code GET /customers} fails once with {@code failure}, then answers {@code recovery} from then on. */
    public void listFailsOnceThenAnswers(ResponseDefinitionBuilder failure, ResponseDefinitionBuilder recovery) {
        stubFor(get(urlPathEqualTo(LIST_PATH)).inScenario("fails once")
                .willReturn(failure).willSetStateTo("failed"));
        stubFor(get(urlPathEqualTo(LIST_PATH)).inScenario("fails once").whenScenarioStateIs("failed")
                .willReturn(recovery));
    }

    /** {@code GET /customers:search} finds {@code customer}. */
    public void searchFinds(String customer) {
        searchAnswers(okJson(one(customer)));
    }

    /** The standard program: a first (and last) page of Alice and Bob (soft-deleted); a search finds Alice. */
    public void servesTheStandardCustomers() {
        listAnswers(okJson(onlyPage(ALICE, BOB_DELETED)));
        searchFinds(ALICE);
    }

    /** Nothing at all reached Partnero. */
    public void verifyNoCall() {
        verify(0, anyRequestedFor(anyUrl()));
    }
}
