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
}
