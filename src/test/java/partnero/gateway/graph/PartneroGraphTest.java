package partnero.gateway.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static io.restassured.RestAssured.given;
import static partnero.gateway.support.PartneroBodies.customer;
import static partnero.gateway.support.PartneroBodies.customerDetail;
import static partnero.gateway.support.PartneroBodies.one;
import static partnero.gateway.support.PartneroBodies.onlyPage;
import static partnero.gateway.support.PartneroBodies.partner;
import static partnero.gateway.support.PartneroBodies.partnerDetail;
import static partnero.gateway.support.PartneroBodies.transaction;
import static partnero.gateway.support.PartneroStub.LIST_PATH;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.junit.QuarkusTest;
import partnero.gateway.support.AgainstPartneroStub;
import partnero.gateway.support.AtOnce;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.PartneroWireMock;

/**
 * The Partnero graph through /graphql: the new root fields, the nested ones, each upstream GET made
 * once per request, no call for a field not selected, the worst case refused before any call, partial
 * results, exact amounts, keys percent-encoded in paths, the client's key on every nested call.
 */
@QuarkusTest
class PartneroGraphTest extends AgainstPartneroStub {

    /** Fifteen customers of three partners (p0, p1, p2), the last one referred by nobody. */
    private void fifteenCustomersOfThreePartners() {
        String[] customers = IntStream.range(0, 15).mapToObj(i -> customer("c" + i, i == 14 ? null : "p" + i % 3)).toArray(String[]::new);
        wireMock.listAnswers(okJson(onlyPage(customers)));
        for (int p = 0; p < 3; p++) {
            wireMock.stubFor(get(urlEqualTo("/v1/partners/p" + p)).willReturn(okJson(one(partnerDetail("p" + p)))));
        }
    }

    @Test
    void eachPartnerIsFetchedOnceHoweverManyCustomersItReferred() {
        fifteenCustomersOfThreePartners();

        GraphQL.answeredWithKey(clientKey, "{ customers { items { key partner { id name referralsCount } } } }")
                .body("data.customers.items", hasSize(15))
                .body("data.customers.items[3].partner.id", equalTo("p0"))
                .body("data.customers.items[4].partner.referralsCount", equalTo(3))
                .body("data.customers.items[14].partner", nullValue());

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)));
        for (int p = 0; p < 3; p++) {
            wireMock.verify(1, getRequestedFor(urlEqualTo("/v1/partners/p" + p))
                    .withHeader("Authorization", WireMock.equalTo("Bearer " + clientKey))
                    .withHeader("Accept", WireMock.equalTo("application/json")));
        }
    }

    /**
     * Nested fields are fetched when their parent's data arrives, on whatever thread completed the call:
     * each must still belong to its own request (its key, its once-per-request memo), never to no
     * request or another one (engine/FieldOperation).
     */
    @Test
    void concurrentRequestsEachMakeTheirNestedCallsWithTheirOwnKey() {
        fifteenCustomersOfThreePartners();
        List<String> keys = IntStream.range(0, 24).mapToObj(i -> clientKey + "-" + i).toList();
        AtomicInteger next = new AtomicInteger();

        List<String> answers = AtOnce.calls(keys.size(), () -> given()
                .header("Authorization", "Bearer " + keys.get(next.getAndIncrement()))
                .contentType("application/json").body(Map.of("query", "{ customers { items { key partner { id referralsCount } } } }"))
                .post("/graphql").then().statusCode(200).extract().asString());

        for (String answer : answers) {
            org.hamcrest.MatcherAssert.assertThat(answer, not(containsString("\"errors\"")));
            org.hamcrest.MatcherAssert.assertThat(answer, containsString("\"partner\":{\"id\":\"p2\",\"referralsCount\":3}"));
        }
        for (String key : keys) {
            wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)).withHeader("Authorization", WireMock.equalTo("Bearer " + key)));
            wireMock.verify(3, getRequestedFor(urlPathMatching("/v1/partners/p[0-2]")).withHeader("Authorization", WireMock.equalTo("Bearer " + key)));
        }
        wireMock.verify(3 * keys.size(), getRequestedFor(urlPathMatching("/v1/partners/.*")));
    }

    @Test
    void withoutAClientKeyNestedCallsCarryTheServerKey() {
        fifteenCustomersOfThreePartners();

        GraphQL.answered("{ customers { items { partner { id } } } }")
                .body("data.customers.items[0].partner.id", equalTo("p0"));

        wireMock.verify(3, getRequestedFor(urlPathMatching("/v1/partners/p[0-2]"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + PartneroWireMock.SERVER_KEY)));
        wireMock.verify(0, getRequestedFor(urlPathMatching("/v1/partners/.*"))
                .withHeader("Authorization", WireMock.notMatching("Bearer " + PartneroWireMock.SERVER_KEY)));
    }

    @Test
    void aFieldNotSelectedCausesNoCallAndStatusWithTagsAreOneCall() {
        fifteenCustomersOfThreePartners();
        wireMock.stubFor(get(urlPathMatching("/v1/customers/c[0-9]+")).willReturn(okJson(one(customerDetail("c1", "p1", "active", "vip")))));

        GraphQL.answeredWithKey(clientKey, "{ customers(limit: 15) { items { key } } }");
        wireMock.verify(0, getRequestedFor(urlPathMatching("/v1/(partners|customers/).*")));

        GraphQL.answeredWithKey(clientKey, "{ customers(limit: 15) { items { key status tags } } }")
                .body("data.customers.items[0].status", equalTo("active"))
                .body("data.customers.items[0].tags", contains("vip"));
        wireMock.verify(15, getRequestedFor(urlPathMatching("/v1/customers/c[0-9]+")));
        wireMock.verify(1, getRequestedFor(urlEqualTo("/v1/customers/c7")));
    }

    @Test
    void oneCustomerByKeyCarriesItsStatusAndTagsWithoutASecondCall() {
        wireMock.stubFor(get(urlEqualTo("/v1/customers/c1")).willReturn(okJson(one(customerDetail("c1", "p1", "active")))));

        GraphQL.answeredWithKey(clientKey, "{ customer(key: \"c1\") { key status tags partnerKey } }")
                .body("data.customer.key", equalTo("c1"))
                .body("data.customer.status", equalTo("active"))
                .body("data.customer.tags", hasSize(0))
                .body("data.customer.partnerKey", equalTo("p1"));

        wireMock.verify(1, getRequestedFor(urlEqualTo("/v1/customers/c1")));
    }

    @Test
    void aSingleObjectPartneroDoesNotHaveIsNullWithoutError() {
        wireMock.stubFor(get(urlPathMatching("/v1/(customers|partners|transactions)/.*"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody("{\"message\": \"Not found\", \"status\": 0}")));

        GraphQL.answeredWithKey(clientKey, "{ customer(key: \"nobody\") { key } partner(id: \"none\") { id } transaction(key: \"t0\") { key } }")
                .body("data.customer", nullValue())
                .body("data.partner", nullValue())
                .body("data.transaction", nullValue());
    }

    @Test
    void keysGoIntoPathsAsOnePercentEncodedSegment() {
        wireMock.stubFor(get(urlEqualTo("/v1/customers/a%20b")).willReturn(okJson(one(customerDetail("a b", null, "active")))));
        wireMock.stubFor(get(urlEqualTo("/v1/partners/x%2Fy")).willReturn(okJson(one(partnerDetail("x/y")))));

        GraphQL.answeredWithKey(clientKey, "{ customer(key: \"a b\") { key } partner(id: \"x/y\") { id } }")
                .body("data.customer.key", equalTo("a b"))
                .body("data.partner.id", equalTo("x/y"));
    }

    @Test
    void amountsAreExactlyAsPartneroWroteThemEvenAsNumericStrings() {
        wireMock.stubFor(get(urlPathEqualTo("/v1/transactions")).willReturn(okJson(onlyPage(
                transaction("t1", "c1", "p1", "99.99"), transaction("t2", "c1", "p1", "\"49.50\"")))));

        String body = GraphQL.answeredWithKey(clientKey,
                "{ transactions(customerKey: \"c1\") { items { key amount currency isCurrency rewards { status amount } } } }")
                .body("data.transactions.items", hasSize(2))
                .body("data.transactions.items[0].currency", equalTo("EUR"))
                .body("data.transactions.items[0].isCurrency", equalTo(true))
                .extract().asString();

        org.hamcrest.MatcherAssert.assertThat(body, containsString("\"amount\":99.99,\"currency\":\"EUR\""));
        org.hamcrest.MatcherAssert.assertThat(body, containsString("\"amount\":49.50,"));
        org.hamcrest.MatcherAssert.assertThat(body, containsString("\"amount\":29.997}"));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/v1/transactions"))
                .withQueryParam("customer.key", WireMock.equalTo("c1"))
                .withQueryParam("page", WireMock.equalTo("1"))
                .withQueryParam("limit", WireMock.equalTo("15"))
                .withQueryParam("partner.key", WireMock.absent()));
    }

    @Test
    void aFanOutOverTheLimitIsRefusedBeforeAnyCall() {
        fifteenCustomersOfThreePartners();

        refusedWhole("{ customers(limit: 250) { items { partner { id } } } }", "QUERY_TOO_COMPLEX", "251 calls to Partnero; at most 50");
    }

    @Test
    void aPageWithTwoNestedUpstreamFieldsIsUnderTheLimit() {
        fifteenCustomersOfThreePartners();
        wireMock.stubFor(get(urlPathEqualTo("/v1/transactions")).willReturn(okJson(onlyPage(transaction("t1", "c1", "p1", "10")))));

        GraphQL.answeredWithKey(clientKey, "{ customers(limit: 15) { items { partner { id } transactions(limit: 1) { items { key } } } } }")
                .body("data.customers.items[1].transactions.items[0].key", equalTo("t1"));
        wireMock.verify(15, getRequestedFor(urlPathEqualTo("/v1/transactions")).withQueryParam("limit", WireMock.equalTo("1")));
    }

    @Test
    void aNestedInputRuleBrokenRefusesTheWholeRequestBeforeAnyCall() {
        fifteenCustomersOfThreePartners();

        refusedWhole("{ customers { items { transactions(limit: 0) { items { key } } } } }", "BAD_USER_INPUT",
                "limit must be between 1 and 250");
        refusedWhole("{ customer(key: \"c1\") { transactions(page: 0) { items { key } } } }", "BAD_USER_INPUT", "page must be 1 or more");
        // a root field's own rule: its resolver refuses it before its call, on its path
        GraphQL.postWithKey(clientKey, "{ partner(id: \" \") { id } }")
                .body("data.partner", nullValue())
                .body("errors[0].path[0]", equalTo("partner"))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("id must not be blank"));
        wireMock.verifyNoCall();
    }

    @Test
    void aNestedFailureNullsThatFieldOnlyWithItsPath() {
        wireMock.listAnswers(okJson(onlyPage(customer("c0", "p0"), customer("c1", "p1"))));
        wireMock.stubFor(get(urlEqualTo("/v1/partners/p0")).willReturn(okJson(one(partnerDetail("p0")))));
        wireMock.stubFor(get(urlEqualTo("/v1/partners/p1")).willReturn(aResponse().withStatus(500)));

        GraphQL.postWithKey(clientKey, "{ customers { items { key partner { id } } } }")
                .body("data.customers.items[0].partner.id", equalTo("p0"))
                .body("data.customers.items[1].key", equalTo("c1"))
                .body("data.customers.items[1].partner", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].path", equalTo(List.of("customers", "items", 1, "partner")))
                .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"))
                .body("errors[0].extensions.upstreamStatus", equalTo(500));
    }

    @Test
    void partnersOfTheListGetTheirDetailsWithOneCallEach() {
        wireMock.stubFor(get(urlPathEqualTo("/v1/partners")).willReturn(okJson(onlyPage(partner("p0"), partner("p1")))));
        wireMock.stubFor(get(urlEqualTo("/v1/partners/p0")).willReturn(okJson(one(partnerDetail("p0")))));
        wireMock.stubFor(get(urlEqualTo("/v1/partners/p1")).willReturn(okJson(one(partnerDetail("p1")))));

        String body = GraphQL.answeredWithKey(clientKey, """
                { partners { items { id status approved referralLink referralLinks tags
                    stats { clicks signups salesCount paidAccounts revenue { amount currency } }
                    commissions { paid pending { amount currency } notPaid { amount } } } pageInfo { currentPage hasNextPage } } }""")
                .body("data.partners.items[0].status", equalTo("pending"))
                .body("data.partners.items[1].referralLink", equalTo("https://ref.example/p1"))
                .body("data.partners.items[1].tags", contains("gold"))
                .body("data.partners.items[0].stats.clicks", equalTo(10))
                .body("data.partners.items[0].commissions.notPaid", hasSize(0))
                .body("data.partners.pageInfo.hasNextPage", equalTo(false))
                .extract().asString();

        org.hamcrest.MatcherAssert.assertThat(body, containsString("\"pending\":[{\"amount\":29.997,\"currency\":\"EUR\"}]"));
        wireMock.verify(1, getRequestedFor(urlEqualTo("/v1/partners/p0")));
        wireMock.verify(1, getRequestedFor(urlEqualTo("/v1/partners/p1")));
    }

    @Test
    void aTransactionLeadsToItsCustomerAndPartnerEachFetchedOnce() {
        wireMock.stubFor(get(urlEqualTo("/v1/transactions/t1")).willReturn(okJson(one(transaction("t1", "c1", "p1", "99.99")))));
        wireMock.stubFor(get(urlEqualTo("/v1/customers/c1")).willReturn(okJson(one(customerDetail("c1", "p1", "active")))));
        wireMock.stubFor(get(urlEqualTo("/v1/partners/p1")).willReturn(okJson(one(partnerDetail("p1")))));

        GraphQL.answeredWithKey(clientKey, """
                { transaction(key: "t1") { key customerKey customer { key status partner { id } } partner { id stats { clicks } } } }""")
                .body("data.transaction.customer.status", equalTo("active"))
                .body("data.transaction.customer.partner.id", equalTo("p1"))
                .body("data.transaction.partner.stats.clicks", equalTo(10));

        wireMock.verify(1, getRequestedFor(urlEqualTo("/v1/customers/c1")));
        wireMock.verify(1, getRequestedFor(urlEqualTo("/v1/partners/p1")));
    }

    /** {@code query} refused as a whole ({@code data: null}) with {@code code}, its message saying {@code why}, and nothing sent. */
    private void refusedWhole(String query, String code, String why) {
        GraphQL.postWithKey(clientKey, query)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo(code))
                .body("errors[0].message", containsString(why));
        wireMock.verifyNoCall();
    }
}
