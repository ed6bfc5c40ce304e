package partnero.gateway.graph;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Source;

import io.smallrye.mutiny.Uni;
import partnero.gateway.customer.Customer;
import partnero.gateway.customer.CustomerMapping;
import partnero.gateway.customer.Resolution;
import partnero.gateway.engine.PartneroCalls;
import partnero.gateway.partnero.PartneroGraph;

/** A transaction's customer and partner, as {@code customer(key)} and {@code partner(id)} would give them; each call once per request. */
@GraphQLApi
public class TransactionRelations {

    private final Resolution resolution;
    private final PartneroGraph partnero;

    TransactionRelations(Resolution resolution, PartneroGraph partnero) {
        this.resolution = resolution;
        this.partnero = partnero;
    }

    @PartneroCalls(value = 1, endpoint = "GET /customers/{key}")
    @Description("The customer the transaction belongs to; null when Partnero has none.")
    public Uni<Customer> customer(@Source Transaction transaction) {
        if (transaction.customerKey() == null || transaction.customerKey().isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return resolution.resolveNested(operation -> partnero.customer(operation, transaction.customerKey()).map(CustomerMapping::toCustomer));
    }

    @PartneroCalls(value = 1, endpoint = "GET /partners/{id}")
    @Description("The partner the transaction is credited to; null when there is none.")
    public Uni<Partner> partner(@Source Transaction transaction) {
        if (transaction.partnerKey() == null || transaction.partnerKey().isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return resolution.resolveNested(operation -> partnero.partner(operation, transaction.partnerKey()).map(GraphMapping::toPartner));
    }
}
