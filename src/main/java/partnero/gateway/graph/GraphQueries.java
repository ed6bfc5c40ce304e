package partnero.gateway.graph;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.smallrye.mutiny.Uni;
import partnero.gateway.customer.Customer;
import partnero.gateway.customer.CustomerMapping;
import partnero.gateway.customer.Resolution;
import partnero.gateway.engine.PartneroCalls;
import partnero.gateway.partnero.PartneroGraph;

/**
 * The graph's root fields: one customer, partners, transactions. As {@code CustomerQueries}: arguments
 * checked and the operation taken ({@link Resolution}), then {@link PartneroGraph}, which makes each
 * call once per request and caches it; a single object Partnero does not have is null, without error.
 */
@GraphQLApi
public class GraphQueries {

    private final Resolution resolution;
    private final PartneroGraph partnero;

    GraphQueries(Resolution resolution, PartneroGraph partnero) {
        this.resolution = resolution;
        this.partnero = partnero;
    }

    @Query("customer")
    @PartneroCalls(value = 1, endpoint = "GET /customers/{key}")
    @Description("One customer by key; null when Partnero has none.")
    public Uni<Customer> customer(@Name("key") @NonNull @Description("Partnero's key of the customer.") String key) {
        return resolution.resolve(new GraphArguments.KeyArgument(key),
                (arguments, operation) -> partnero.customer(operation, arguments.key()).map(CustomerMapping::toCustomer));
    }

    @Query("partners")
    @PartneroCalls(value = 1, endpoint = "GET /partners")
    @NonNull
    @Description("One page of the program's partners.")
    public Uni<PartnerPage> partners(
            @Name("page") @DefaultValue("1") @Description("Page number, from 1.") Integer page,
            @Name("limit") @DefaultValue("15") @Description("Page size, from 1 to 250.") Integer limit) {
        return resolution.resolve(GraphArguments.Paging.of(page, limit),
                (paging, operation) -> partnero.partners(operation, paging.page(), paging.limit())
                        .map(body -> GraphMapping.toPartnerPage(body, paging.page(), paging.limit())));
    }

    @Query("partner")
    @PartneroCalls(value = 1, endpoint = "GET /partners/{id}")
    @Description("One partner by id; null when Partnero has none.")
    public Uni<Partner> partner(@Name("id") @NonNull @Description("Partnero's id of the partner.") String id) {
        return resolution.resolve(new GraphArguments.IdArgument(id),
                (arguments, operation) -> partnero.partner(operation, arguments.id()).map(GraphMapping::toPartner));
    }

    @Query("transactions")
    @PartneroCalls(value = 1, endpoint = "GET /transactions")
    @NonNull
    @Description("One page of transactions, optionally only one customer's or one partner's.")
    public Uni<TransactionPage> transactions(
            @Name("page") @DefaultValue("1") @Description("Page number, from 1.") Integer page,
            @Name("limit") @DefaultValue("15") @Description("Page size, from 1 to 250.") Integer limit,
            @Name("customerKey") @Description("Only the transactions of the customer with this key.") String customerKey,
            @Name("partnerKey") @Description("Only the transactions credited to the partner with this key.") String partnerKey) {
        GraphArguments.Paging paging = GraphArguments.Paging.of(page, limit);
        return resolution.resolve(new GraphArguments.TransactionFilters(paging.page(), paging.limit(), customerKey, partnerKey),
                (filters, operation) -> partnero.transactions(operation, filters.page(), filters.limit(), filters.customerKey(),
                        filters.partnerKey()).map(body -> GraphMapping.toTransactionPage(body, filters.page(), filters.limit())));
    }

    @Query("transaction")
    @PartneroCalls(value = 1, endpoint = "GET /transactions/{key}")
    @Description("One transaction by key; null when Partnero has none.")
    public Uni<Transaction> transaction(@Name("key") @NonNull @Description("Partnero's key of the transaction.") String key) {
        return resolution.resolve(new GraphArguments.KeyArgument(key),
                (arguments, operation) -> partnero.transaction(operation, arguments.key()).map(GraphMapping::toTransaction));
    }
}
