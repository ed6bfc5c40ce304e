package partnero.gateway.devupstream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import partnero.gateway.devupstream.PartneroSimulator.ItemPath;
import partnero.gateway.support.Profiles;

/**
 * The embedded Partnero simulator's routes, called directly over HTTP as the REST client calls them:
 * Partnero's wire shapes for customers, partners and transactions, its paging, filters and errors.
 * The examples named here ({@code txn_00001}'s reward of 29.997, {@code txn_00002}'s amount as a string,
 * {@code cus_00004}'s four transactions) are what the simulator's seeds give: a new seed changes them.
 */
@QuarkusTest
@TestProfile(Profiles.DevUpstream.class)
class PartneroSimulatorHttpTest {

    /** GETs {@code path} below the simulator's base as written: a {@code %2F} in it reaches the server as such. */
    private static ValidatableResponse partnero(String path) {
        return given().urlEncodingEnabled(false).header("Authorization", "Bearer any")
                .when().get(PartneroSimulator.BASE_PATH + path)
                .then();
    }

    /** Every item of a list endpoint, page by page, in order. */
    private static List<Map<String, Object>> listed(String collection) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 1;; page++) {
            var answer = partnero(collection + (collection.contains("?") ? "&" : "?") + "limit=250&page=" + page)
                    .statusCode(200).extract().jsonPath();
            all.addAll(answer.getList("data"));
            if (answer.getString("links.next") == null) {
                return all;
            }
        }
    }

    @Test
    void everyCustomersPartnerResolves() {
        List<Map<String, Object>> customers = listed("/customers");
        List<Object> partnerIds = customers.stream().map(customer -> customer.get("partner")).distinct().toList();

        assertTrue(partnerIds.contains(null), "some customers have no partner");
        assertTrue(partnerIds.size() > 2, "several partners: " + partnerIds);
        partnerIds.stream().filter(id -> id != null).forEach(id -> partnero("/partners/" + id)
                .statusCode(200)
                .body("data.id", equalTo(id)));
    }

    @Test
    void aPartnerHasTheListsFieldsAndItsDetails() {
        partnero("/partners/partner_northwind")
                .statusCode(200)
                .header("Cache-Control", "no-cache")
                .body("status", equalTo(1))
                .body("data.keySet()", hasItems("id", "email", "name", "surname", "status", "approved", "custom_fields",
                        "created_at", "updated_at", "tos", "referrals_count", "tags", "referral_link", "referral_links"))
                .body("data.referrals.keySet()", hasItems("clicks", "signups", "revenue", "sales_count", "paid_accounts"))
                .body("data.commissions.keySet()", hasItems("paid", "pending", "not_paid"))
                .body("data.id", equalTo("partner_northwind"))
                .body("data.email", equalTo("affiliates@northwind.example"))
                .body("data.tags.value", hasItem("top"))
                .body("data.referral_links", hasItem(containsString("northwind")))
                .body("data.referrals.revenue.currency", hasItem("EUR"))
                .body("data.commissions.paid", instanceOf(Number.class))
                .body("data.commissions.not_paid.amount", everyItem(notNullValue()));
    }

    @Test
    void aPartnerPendingApprovalHasNoReferralLinkAndNothingEarned() {
        partnero("/partners/partner_fjord")
                .statusCode(200)
                .body("data", hasEntry("status", "pending"))
                .body("data", hasEntry("approved", false))
                .body("data", hasEntry("referral_link", null))
                .body("data", hasEntry("referral_links", List.of()))
                .body("data.commissions", hasEntry("pending", List.of()));
    }

    /** Checks a page of a list: its size, {@code meta.from} and {@code meta.to} (null when empty), whether {@code links.next} is set. */
    private static ValidatableResponse isPage(ValidatableResponse page, int size, Integer from, Integer to, boolean hasNext) {
        return page.statusCode(200)
                .body("data", hasSize(size))
                .body("meta", allOf(hasEntry("from", from), hasEntry("to", to)))
                .body("links.next", hasNext ? notNullValue() : nullValue());
    }

    @Test
    void partnersPageSimply() {
        isPage(partnero("/partners?limit=3"), 3, 1, 3, true)
                .body("data[0]", not(hasKey("tos")))
                .body("links", allOf(hasEntry("last", null), hasEntry("prev", null)))
                .body("links.first", endsWith("/dev-upstream/v1/partners?page=1"))
                .body("links.next", endsWith("/dev-upstream/v1/partners?page=2"))
                .body("meta", allOf(hasEntry("current_page", 1), hasEntry("per_page", 3)))
                .body("meta.path", endsWith("/dev-upstream/v1/partners"));
        isPage(partnero("/partners?limit=3&page=3"), 2, 7, 8, false)
                .body("links.prev", endsWith("?page=2"));
        isPage(partnero("/partners?limit=3&page=4"), 0, null, null, false);
    }

    @Test
    void transactionsPageSimply() {
        isPage(partnero("/transactions"), 15, 1, 15, true)
                .body("links.next", endsWith("/dev-upstream/v1/transactions?page=2"));
        isPage(partnero("/transactions?limit=250&page=2"), 250, 251, 500, true);
        isPage(partnero("/transactions?limit=250&page=99"), 0, null, null, false);
    }

    @Test
    void transactionsNameExistingCustomersAndTheirOwnPartners() {
        Map<Object, Object> partnerOfCustomer = new HashMap<>();
        listed("/customers").forEach(customer -> partnerOfCustomer.put(customer.get("key"), customer.get("partner")));
        List<Map<String, Object>> transactions = listed("/transactions");

        assertTrue(transactions.size() > 300, "a good fraction of customers bought: " + transactions.size());
        for (Map<String, Object> transaction : transactions) {
            assertTrue(partnerOfCustomer.containsKey(transaction.get("customer")), () -> "an existing customer: " + transaction);
            assertEquals(partnerOfCustomer.get(transaction.get("customer")), transaction.get("partner"), () -> "the customer's partner: " + transaction);
            assertFalse(transaction.containsKey("updated_at"), () -> "no updated_at: " + transaction);
        }
        long buyers = transactions.stream().map(transaction -> transaction.get("customer")).distinct().count();
        assertTrue(buyers > 100 && buyers < partnerOfCustomer.size(), "some customers have transactions, some none: " + buyers);
    }

    @Test
    void transactionsFilterByCustomerKey() {
        partnero("/transactions?customer.key=cus_00004")
                .statusCode(200)
                .body("data", hasSize(4))
                .body("data.customer", everyItem(equalTo("cus_00004")))
                .body("data.partner", everyItem(equalTo("partner_sage")));
        partnero("/transactions?customer.key=cus_99999")
                .statusCode(200)
                .body("data", empty());
    }

    @Test
    void transactionsFilterByPartnerKey() {
        partnero("/transactions?limit=250&partner.key=partner_lumen")
                .statusCode(200)
                .body("data.size()", greaterThan(10))
                .body("data.partner", everyItem(equalTo("partner_lumen")));
    }

    @Test
    void aRewardKeepsItsUnroundedAmount() {
        partnero("/transactions/txn_00001")
                .statusCode(200)
                .body(containsString("\"amount\":99.99"))
                .body(containsString("\"amount\":29.997"))
                .body("data.action", equalTo("sale"))
                .body("data.amount_units", equalTo("EUR"))
                .body("data.is_currency", equalTo(true))
                .body("data.credit", equalTo(false))
                .body("data.deleted_at", nullValue())
                .body("data.rewards", hasSize(1))
                .body("data.rewards[0].key", equalTo("txn_00001"))
                .body("data.rewards[0].status", equalTo("ok"))
                .body("data.rewards[0].customer", equalTo("cus_00013"))
                .body("data.rewards[0].partner", equalTo("partner_quill"))
                .body("data.rewards[0].product_type_data", equalTo(Map.of()));
    }

    @Test
    void someTransactionsHaveNoRewards() {
        partnero("/transactions/txn_00004")
                .statusCode(200)
                .body("data.partner", nullValue())
                .body("data.rewards", empty());
        partnero("/transactions?limit=250")
                .body("data.findAll { it.rewards.isEmpty() && it.partner != null }.size()", greaterThan(0))
                .body("data.action", hasItem("refund"));
    }

    @Test
    void exactlyOneTransactionWritesItsAmountAsAString() {
        partnero("/transactions/txn_00002")
                .statusCode(200)
                .body(containsString("\"amount\":\"49.50\""));
        long asStrings = listed("/transactions").stream().filter(transaction -> transaction.get("amount") instanceof String).count();
        assertEquals(1, asStrings);
    }

    @Test
    void aCustomerByKeyHasAStatusAndTags() {
        partnero("/customers/cus_00002")
                .statusCode(200)
                .body("status", equalTo(1))
                .body("data.key", equalTo("cus_00002"))
                .body("data.partner", equalTo("partner_sage"))
                .body("data.deleted", equalTo(false))
                .body("data.email", notNullValue())
                .body("data", hasKey("deleted_at"))
                .body("data.status", equalTo("active"))
                .body("data.tags.value", equalTo(List.of("wholesale", "beta")));
        partnero("/customers/cus_00001").body("data.tags", empty());
        partnero("/customers/cus_00027").statusCode(200).body("data", not(hasKey("tags")));
        partnero("/customers?limit=2").statusCode(200).body("data", hasSize(2)).body("data[0]", not(hasKey("status")));
    }

    @Test
    void anUnknownKeyOrIdIsNotFound() {
        for (String path : List.of("/customers/cus_99999", "/partners/partner_nobody", "/transactions/txn_99999", "/refunds/r_1")) {
            partnero(path)
                    .statusCode(404)
                    .body("status", equalTo(0))
                    .body("message", notNullValue());
        }
    }

    @Test
    void aKeyIsOnePercentEncodedPathSegment() {
        partnero("/transactions/inv%2F2024%2F00042")
                .statusCode(200)
                .body("data.key", equalTo("inv/2024/00042"));
        partnero("/transactions/inv/2024/00042").statusCode(404);
        partnero("/customers/a%20b").statusCode(404);
        partnero("/customers/").statusCode(404);
    }

    @Test
    void aKeyIsDecodedAsAPathSegment() {
        assertEquals(Optional.of(new ItemPath("customers", "a b")), PartneroSimulator.itemPath("/customers/a%20b"));
        assertEquals(Optional.of(new ItemPath("customers", "a/b")), PartneroSimulator.itemPath("/customers/a%2Fb"));
        assertEquals(Optional.of(new ItemPath("customers", "a+b")), PartneroSimulator.itemPath("/customers/a+b"));
        assertEquals(Optional.of(new ItemPath("partners", "é")), PartneroSimulator.itemPath("/partners/%C3%A9"));
        assertEquals(Optional.empty(), PartneroSimulator.itemPath("/customers/a/b"));
        assertEquals(Optional.empty(), PartneroSimulator.itemPath("/customers/"));
        assertEquals(Optional.empty(), PartneroSimulator.itemPath("/customers"));
        assertEquals(Optional.empty(), PartneroSimulator.itemPath("/customers/%Z1"));
    }

    @Test
    void theSearchNeedsALiteralColon() {
        partnero("/customers:search?id=cus_00003").statusCode(200).body("data.key", equalTo("cus_00003"));
        partnero("/customers%3Asearch?id=cus_00003").statusCode(404);
    }

    @Test
    void aRequestWithoutABearerTokenIsUnauthenticated() {
        given().when().get(PartneroSimulator.BASE_PATH + "/partners/partner_northwind")
                .then().statusCode(401).body("status", equalTo(0));
        given().header("Authorization", "Basic eDp5").when().get(PartneroSimulator.BASE_PATH + "/transactions")
                .then().statusCode(401);
    }

    @Test
    void aLimitAbove250OrAPageBelowOneIsRefused() {
        partnero("/partners?limit=251").statusCode(422).body("status", equalTo(0));
        partnero("/transactions?limit=251").statusCode(422);
        partnero("/transactions?page=0").statusCode(422);
    }
}
