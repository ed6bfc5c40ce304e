package partnero.gateway.customer;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.BOB_DELETED;
import static partnero.gateway.support.PartneroBodies.onlyPage;
import static partnero.gateway.support.PartneroBodies.page;
import static partnero.gateway.support.PartneroBodies.pageLink;
import static partnero.gateway.support.PartneroStub.LIST_PATH;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import partnero.gateway.support.AgainstPartneroStub;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.PartneroWireMock;

@QuarkusTest
class CustomersQueryTest extends AgainstPartneroStub {

    static final String ALL_FIELDS = """
            items { key email name surname partnerKey deleted createdAt updatedAt deletedAt }
            pageInfo { currentPage perPage from to hasNextPage hasPreviousPage }""";

    @Test
    void defaultsAskForTheFirstPageOfFifteenWithoutFilters() {
        wireMock.listAnswers(okJson(onlyPage(ALICE)));

        GraphQL.answered("{ customers { items { key } } }")
                .body("data.customers.items.key", contains("customer_123"));

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH))
                .withQueryParam("page", WireMock.equalTo("1"))
                .withQueryParam("limit", WireMock.equalTo("15"))
                .withQueryParam("partner.key", absent())
                .withQueryParam("partner.email", absent())
                .withHeader("Accept", WireMock.equalTo("application/json"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + PartneroWireMock.SERVER_KEY)));
    }

    @Test
    void twoRootFieldsAskingForTheSamePageMakeOnePartneroCall() {
        wireMock.listAnswers(okJson(onlyPage(ALICE)));

        GraphQL.answered("{ first: customers(page: 1) { items { key } } again: customers(page: 1) { items { email } } }")
                .body("data.first.items.key", contains("customer_123"))
                .body("data.again.items.email", contains("alice.brown@partnero.com"));

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH))); // caching is off in tests: one call per request
    }

    @Test
    void argumentsAndBothPartnerFiltersGoOutUnderPartnerosDottedNames() {
        wireMock.listAnswers(okJson(page(3, 50, "null", "null", pageLink(2), "null")));

        GraphQL.post("""
                { customers(page: 3, limit: 50, partnerKey: "partner_123", partnerEmail: "jane+promo@agency.example") {
                    items { key } } }""")
                .body("errors", nullValue());

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH))
                .withQueryParam("page", WireMock.equalTo("3"))
                .withQueryParam("limit", WireMock.equalTo("50"))
                .withQueryParam("partner.key", WireMock.equalTo("partner_123"))
                .withQueryParam("partner.email", WireMock.equalTo("jane+promo@agency.example")));
    }

    @Test
    void argumentsPassedAsVariablesGoOutTheSameWay() {
        wireMock.listAnswers(okJson(page(2, 5, "6", "6", pageLink(1), "null", ALICE)));

        GraphQL.post("query Page($page: Int, $limit: Int) { customers(page: $page, limit: $limit) { items { key } } }",
                Map.of("page", 2, "limit", 5))
                .body("data.customers.items.key", contains("customer_123"));

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH))
                .withQueryParam("page", WireMock.equalTo("2"))
                .withQueryParam("limit", WireMock.equalTo("5")));
    }

    @Test
    void everyCustomerFieldIsMappedFromPartnerosSnakeCase() {
        wireMock.listAnswers(okJson(onlyPage(ALICE, BOB_DELETED)));

        GraphQL.answered("{ customers { " + ALL_FIELDS + " } }")
                .body("data.customers.items[0].key", equalTo("customer_123"))
                .body("data.customers.items[0].email", equalTo("alice.brown@partnero.com"))
                .body("data.customers.items[0].name", equalTo("Alice"))
                .body("data.customers.items[0].surname", equalTo("Brown"))
                .body("data.customers.items[0].partnerKey", equalTo("partner_123"))
                .body("data.customers.items[0].deleted", equalTo(false))
                .body("data.customers.items[0].createdAt", equalTo("2025-05-02T16:12:39Z"))
                .body("data.customers.items[0].updatedAt", equalTo("2025-05-03T08:01:02.123456Z"))
                .body("data.customers.items[0].deletedAt", nullValue())
                .body("data.customers.items[1].key", equalTo("customer_456"))
                .body("data.customers.items[1].partnerKey", nullValue())
                .body("data.customers.items[1].deleted", equalTo(true))
                .body("data.customers.items[1].createdAt", equalTo("2025-01-10T10:00:00Z"))
                .body("data.customers.items[1].updatedAt", equalTo("2025-02-11T11:30:00.5Z"))
                .body("data.customers.items[1].deletedAt", equalTo("2025-02-11T11:30:00Z"));
    }

    @Test
    void firstPageHasANextPageAndNoPreviousOne() {
        ValidatableResponse answer = everyFieldWhenPartneroAnswers("customers(limit: 2)",
                page(1, 2, "1", "2", "null", pageLink(2), ALICE, BOB_DELETED))
                .body("data.customers.pageInfo.currentPage", equalTo(1))
                .body("data.customers.pageInfo.perPage", equalTo(2));

        assertBoundsAndNeighbours(answer, 1, 2, true, false);
    }

    @Test
    void middlePageHasNeighboursOnBothSides() {
        ValidatableResponse answer = everyFieldWhenPartneroAnswers("customers(page: 2, limit: 2)",
                page(2, 2, "3", "4", pageLink(1), pageLink(3), ALICE, BOB_DELETED))
                .body("data.customers.pageInfo.currentPage", equalTo(2));

        assertBoundsAndNeighbours(answer, 3, 4, true, true);
    }

    @Test
    void lastPageHasNoNextPage() {
        ValidatableResponse answer = everyFieldWhenPartneroAnswers("customers(page: 3, limit: 2)",
                page(3, 2, "5", "5", pageLink(2), "null", ALICE))
                .body("data.customers.items.key", contains("customer_123"));

        assertBoundsAndNeighbours(answer, 5, 5, false, true);
    }

    @Test
    void emptyPageHasNoItemsAndNullBounds() {
        ValidatableResponse answer = everyFieldWhenPartneroAnswers("customers(page: 9)",
                page(9, 15, "null", "null", pageLink(8), "null"))
                .body("errors", nullValue())
                .body("data.customers.items", empty())
                .body("data.customers.pageInfo.currentPage", equalTo(9));

        assertBoundsAndNeighbours(answer, null, null, false, true);
    }

    @Test
    void pageWithoutLinksOrMetaFallsBackToTheArgumentsAndPageSize() {
        everyFieldWhenPartneroAnswers("customers(page: 2, limit: 2)", "{\"data\": [" + ALICE + "," + BOB_DELETED + "]}")
                .body("errors", nullValue())
                .body("data.customers.pageInfo.currentPage", equalTo(2))
                .body("data.customers.pageInfo.perPage", equalTo(2))
                .body("data.customers.pageInfo.hasNextPage", equalTo(true))
                .body("data.customers.pageInfo.hasPreviousPage", equalTo(true));
    }

    @Test
    void timestampsWithoutOffsetOrWithASpaceAreReadAsUtcAndUnreadableOnesAsNull() {
        String odd = """
                {"key": "customer_789", "deleted": 0, "created_at": "2025-05-02 16:12:39",
                 "updated_at": "yesterday", "deleted_at": null}""";
        wireMock.listAnswers(okJson(onlyPage(odd)));

        GraphQL.answered("{ customers { " + ALL_FIELDS + " } }")
                .body("data.customers.items[0].key", equalTo("customer_789"))
                .body("data.customers.items[0].deleted", equalTo(false))
                .body("data.customers.items[0].email", nullValue())
                .body("data.customers.items[0].createdAt", equalTo("2025-05-02T16:12:39Z"))
                .body("data.customers.items[0].updatedAt", nullValue());
    }

    /** Partnero answers {@code partneroPage} (a body); the gateway is asked for every field of {@code customersCall}. */
    private ValidatableResponse everyFieldWhenPartneroAnswers(String customersCall, String partneroPage) {
        wireMock.listAnswers(okJson(partneroPage));
        return GraphQL.post("{ " + customersCall + " { " + ALL_FIELDS + " } }");
    }

    /** What pageInfo says of where the page stands: its first and last item numbers (null: none), and its neighbours. */
    private static void assertBoundsAndNeighbours(ValidatableResponse answer, Integer from, Integer to,
            boolean hasNextPage, boolean hasPreviousPage) {
        answer.body("data.customers.pageInfo.from", from == null ? nullValue() : equalTo(from))
                .body("data.customers.pageInfo.to", to == null ? nullValue() : equalTo(to))
                .body("data.customers.pageInfo.hasNextPage", equalTo(hasNextPage))
                .body("data.customers.pageInfo.hasPreviousPage", equalTo(hasPreviousPage));
    }
}
