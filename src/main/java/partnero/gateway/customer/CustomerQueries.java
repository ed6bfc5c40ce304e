package partnero.gateway.customer;

import java.util.Objects;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.smallrye.mutiny.Uni;
import partnero.gateway.engine.PartneroCalls;
import partnero.gateway.partnero.PartneroCustomers;

/**
 * The schema's first two root fields, over Partnero's customer list and search (the graph's are in
 * {@code partnero.gateway.graph}). Each resolver checks the arguments and takes the operation
 * ({@link Resolution}), and only then asks {@link PartneroCustomers}, mapping its answer with
 * {@link CustomerMapping}; every failure reaches the client as a
 * {@link partnero.gateway.error.GatewayException} with its error code. Each field says which Partnero
 * endpoint it calls ({@link PartneroCalls}), which the engine counts against
 * {@code partnero.limits.max-upstream-calls} before anything runs.
 */
@GraphQLApi
public class CustomerQueries {

    private final Resolution resolution;
    private final PartneroCustomers partnero;

    CustomerQueries(Resolution resolution, PartneroCustomers partnero) {
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
}
