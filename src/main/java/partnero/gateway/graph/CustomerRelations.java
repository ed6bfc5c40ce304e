package partnero.gateway.graph;

import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.smallrye.mutiny.Uni;
import partnero.gateway.customer.Customer;
import partnero.gateway.customer.Resolution;
import partnero.gateway.engine.PartneroCalls;
import partnero.gateway.partnero.PartneroGraph;

/**
 * A customer's fields that need a call of their own: its status and tags (from the single customer,
 * which a customer of the list or the search does not carry: one {@code GET /customers/{key}} for
 * both, and none for a customer that came from {@code customer(key)}, whose call the request made
 * already), the partner who referred it, and its transactions. Each call made once per request.
 */
@GraphQLApi
public class CustomerRelations {

    private final Resolution resolution;
    private final PartneroGraph partnero;

    CustomerRelations(Resolution resolution, PartneroGraph partnero) {
        this.resolution = resolution;
        this.partnero = partnero;
    }

    @PartneroCalls(value = 1, endpoint = "GET /customers/{key}")
    @Description("The customer's status in Partnero (such as active); values may grow.")
    public Uni<String> status(@Source Customer customer) {
        return resolution.resolveNested(operation -> partnero.customer(operation, customer.key())
                .map(detail -> detail == null ? null : detail.status()));
    }

    @PartneroCalls(value = 1, endpoint = "GET /customers/{key}")
    @Description("The customer's tags; empty when there are none, null only when they could not be fetched (with an error).")
    public Uni<List<@NonNull String>> tags(@Source Customer customer) {
        return resolution.resolveNested(operation -> partnero.customer(operation, customer.key())
                .map(detail -> detail == null ? null : GraphMapping.tags(detail.tags())));
    }

    @PartneroCalls(value = 1, endpoint = "GET /partners/{id}")
    @Description("The partner who referred this customer; null when there is none.")
    public Uni<Partner> partner(@Source Customer customer) {
        if (customer.partnerKey() == null || customer.partnerKey().isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return resolution.resolveNested(operation -> partnero.partner(operation, customer.partnerKey()).map(GraphMapping::toPartner));
    }

    @PartneroCalls(value = 1, endpoint = "GET /transactions")
    @Description("One page of the customer's transactions; null only when they could not be fetched (with an error).")
    public Uni<TransactionPage> transactions(@Source Customer customer,
            @Name("page") @DefaultValue("1") @Description("Page number, from 1.") Integer page,
            @Name("limit") @DefaultValue("15") @Description("Page size, from 1 to 250.") Integer limit) {
        return resolution.resolveNested(GraphArguments.Paging.of(page, limit),
                (paging, operation) -> partnero.transactions(operation, paging.page(), paging.limit(), customer.key(), null)
                        .map(body -> GraphMapping.toTransactionPage(body, paging.page(), paging.limit())));
    }
}
