package partnero.gateway.graph;

import java.util.Objects;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.smallrye.mutiny.Uni;
import partnero.gateway.customer.Customer;
import partnero.gateway.customer.CustomerListRequest;
import partnero.gateway.customer.CustomerMapping;
import partnero.gateway.customer.CustomerPage;
import partnero.gateway.customer.CustomerSearchRequest;
import partnero.gateway.customer.Resolution;
import partnero.gateway.engine.PartneroCalls;
import partnero.gateway.partnero.PartneroGraph;

/**
 * The schema's root fields: where every query enters (once the operation has passed the engine's
 * limits). Each resolver checks its arguments and takes the operation ({@link Resolution}), and only
 * then asks Partnero through {@link PartneroGraph} (each call made once per request, cached); every
 * failure reaches the client as a {@link partnero.gateway.error.GatewayException} with its error code,
 * and a single object Partnero does not have is null, without error. Each field says which Partnero
 * endpoint it calls ({@link PartneroCalls}), which the engine counts against
 * {@code partnero.limits.max-upstream-calls} before anything runs. The nested fields are
 * {@link NestedFields}.
 */
@GraphQLApi
public class GraphQueries {

    private final Resolution resolution;
    private final PartneroGraph partnero;

    GraphQueries(Resolution resolution, PartneroGraph partnero) {
        this.resolution = resolution;
        this.partnero = partnero;
    }

    @Query("customers")
    @PartneroCalls(value = 1, endpoint = "GET /customers")
    @NonNull
    @Description("One page of the program's customers, in the order Partnero returns them.")
    public Uni<CustomerPage> customers(
            @Name("page") @DefaultValue("1") @Description("Page number, from 1.") Integer page,
            @Name("limit") @DefaultValue("15") @Description("Page size, from 1 to 250.") Integer limit,
            @Name("partnerKey") @Description("Only customers referred by the partner with this referral key.") String partnerKey,
            @Name("partnerEmail") @Description("Only customers referred by the partner with this email.") String partnerEmail) {
        return resolution.resolve(new CustomerListRequest(
                Objects.requireNonNullElse(page, CustomerListRequest.DEFAULT_PAGE),
                Objects.requireNonNullElse(limit, CustomerListRequest.DEFAULT_LIMIT),
                partnerKey, partnerEmail),
                (request, operation) -> partnero.list(operation, request.page(), request.limit(), request.partnerKey(), request.partnerEmail())
                        .map(body -> CustomerMapping.toPage(body, request)));
    }

    @Query("searchCustomer")
    @PartneroCalls(value = 1, endpoint = "GET /customers:search")
    @Description("One customer by email or by id; null when there is none.")
    public Uni<Customer> searchCustomer(
            @Name("email") @Description("The customer's email address. Give this or id, not both.") String email,
            @Name("id") @Description("The customer's key. Give this or email, not both.") String id) {
        return resolution.resolve(new CustomerSearchRequest(email, id),
                (request, operation) -> partnero.search(operation, request.email(), request.id()).map(CustomerMapping::toCustomer));
    }

    @Query("customer")
    @PartneroCalls(value = 1, endpoint = "GET /customers/{key}")
    @Description("One customer by key; null when Partnero has none.")
    public Uni<Customer> customer(@Name("key") @NonNull @Description("Partnero's key of the customer.") String key) {
        return resolution.resolve(new GraphArguments.KeyArgument(key), (k, op) -> partnero.customer(op, k.key()).map(CustomerMapping::toCustomer));
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
        return resolution.resolve(new GraphArguments.IdArgument(id), (i, op) -> partnero.partner(op, i.id()).map(GraphMapping::toPartner));
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
        return resolution.resolve(new GraphArguments.KeyArgument(key), (k, op) -> partnero.transaction(op, k.key()).map(GraphMapping::toTransaction));
    }
}
