package partnero.gateway.devupstream;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import partnero.gateway.support.GraphQL;
import partnero.gateway.support.Profiles;

/**
 * The embedded Partnero simulator that {@code ./mvnw quarkus:dev} talks to, exercised the way dev mode
 * uses it: through /graphql and the real REST client.
 */
@QuarkusTest
@TestProfile(Profiles.DevUpstream.class)
class DevUpstreamTest {

    @Test
    void pagesThroughSeveralHundredCustomers() {
        JsonPath first = GraphQL.answered("{ customers(limit: 250) { items { key email createdAt } pageInfo { from to hasNextPage hasPreviousPage } } }")
                .body("data.customers.items", hasSize(250))
                .body("data.customers.items.createdAt", everyItem(notNullValue()))
                .body("data.customers.pageInfo.from", equalTo(1))
                .body("data.customers.pageInfo.hasNextPage", equalTo(true))
                .body("data.customers.pageInfo.hasPreviousPage", equalTo(false))
                .extract().jsonPath();

        GraphQL.post("{ customers(page: 2, limit: 250) { items { key } pageInfo { from hasNextPage hasPreviousPage } } }")
                .body("data.customers.items.size()", greaterThan(0))
                .body("data.customers.pageInfo.from", equalTo(251))
                .body("data.customers.pageInfo.hasNextPage", equalTo(false))
                .body("data.customers.pageInfo.hasPreviousPage", equalTo(true));

        GraphQL.post("{ customers(page: 99) { items { key } pageInfo { from to hasNextPage } } }")
                .body("data.customers.items", hasSize(0))
                .body("data.customers.pageInfo.from", nullValue())
                .body("data.customers.pageInfo.hasNextPage", equalTo(false));

        String email = first.getString("data.customers.items[7].email");
        String key = first.getString("data.customers.items[7].key");
        GraphQL.post("{ searchCustomer(email: \"" + email + "\") { key } }")
                .body("data.searchCustomer.key", equalTo(key));
        GraphQL.post("{ searchCustomer(id: \"" + key + "\") { email } }")
                .body("data.searchCustomer.email", equalTo(email));
    }

    @Test
    void hasSoftDeletedCustomers() {
        GraphQL.post("{ customers(limit: 250) { items { deleted deletedAt } } }")
                .body("data.customers.items.findAll { it.deleted }.size()", greaterThan(0))
                .body("data.customers.items.findAll { it.deleted }.deletedAt", everyItem(notNullValue()));
    }

    @Test
    void filtersByPartnerKeyAndByPartnerEmail() {
        GraphQL.post("{ customers(limit: 250, partnerKey: \"partner_lumen\") { items { partnerKey } } }")
                .body("data.customers.items.size()", greaterThan(0))
                .body("data.customers.items.partnerKey", everyItem(equalTo("partner_lumen")));

        GraphQL.post("{ customers(limit: 250, partnerEmail: \"hello@lumen-media.example\") { items { partnerKey } } }")
                .body("data.customers.items.size()", greaterThan(0))
                .body("data.customers.items.partnerKey", everyItem(equalTo("partner_lumen")));

        GraphQL.post("{ customers(partnerKey: \"partner_nobody\") { items { key } pageInfo { hasNextPage } } }")
                .body("data.customers.items", hasSize(0))
                .body("data.customers.pageInfo.hasNextPage", equalTo(false));
    }

    @Test
    void anUnknownCustomerIsNull() {
        GraphQL.answered("{ searchCustomer(email: \"nobody@nowhere.example\") { key } }")
                .body("data.searchCustomer", nullValue());
    }

    /** The README's nested query, and the graph's odd corners the simulator seeds, through /graphql. */
    @Test
    void servesTheGraphAsTheReadmeShowsIt() {
        GraphQL.answered("""
                { customers(limit: 5) { items { key name status tags
                    partner { id name referralLink stats { clicks signups revenue { amount currency } } }
                    transactions(limit: 3) { items { key amount currency rewards { status amount } } } } } }""")
                .body("data.customers.items", hasSize(5))
                .body("data.customers.items.status", everyItem(notNullValue()))
                .body("data.customers.items.tags", everyItem(notNullValue()))
                .body("data.customers.items.findAll { it.partner != null }.size()", greaterThan(0))
                .body("data.customers.items.findAll { it.partner != null }.partner.referralLink", everyItem(notNullValue()))
                .body("data.customers.items.transactions", everyItem(notNullValue()));

        String exact = GraphQL.answered("""
                { sale: transaction(key: "txn_00001") { amount rewards { amount } customer { key } partner { id } }
                  text: transaction(key: "txn_00002") { amount }
                  slashes: transaction(key: "inv/2024/00042") { key } }""")
                .body("data.sale.customer.key", equalTo("cus_00013"))
                .body("data.sale.partner.id", equalTo("partner_quill"))
                .body("data.slashes.key", equalTo("inv/2024/00042"))
                .extract().asString();
        org.hamcrest.MatcherAssert.assertThat(exact, org.hamcrest.Matchers.containsString("\"amount\":29.997"));
        org.hamcrest.MatcherAssert.assertThat(exact, org.hamcrest.Matchers.containsString("\"text\":{\"amount\":49.50}"));

        GraphQL.answered("{ partners(limit: 250) { items { id } } partner(id: \"partner_northwind\") { commissions { paid } } }")
                .body("data.partners.items.size()", greaterThan(5))
                .body("data.partner.commissions", notNullValue());
    }
}
