package partnero.gateway.customer;

import java.util.Objects;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.smallrye.mutiny.Uni;
import partnero.gateway.apikey.ApiKeyResolver;
import partnero.gateway.request.CurrentRequest;
import partnero.gateway.request.GatewayRequest;
import partnero.gateway.engine.PartneroCalls;
import partnero.gateway.error.InternalFailures;
import partnero.gateway.partnero.PartneroCustomers;

/**
 * The GraphQL schema's root fields: where every query enters (once the operation has passed the
 * engine's limits). Each resolver checks the arguments, resolves the API key, and only then asks
 * {@link PartneroCustomers}, mapping its answer with {@link CustomerMapping}; every failure reaches
 * the client as a {@link partnero.gateway.error.GatewayException} with its error code (a bug as
 * {@code UPSTREAM_UNAVAILABLE}, logged and counted by {@link InternalFailures}). Each root
 * field says how many Partnero calls it makes ({@link PartneroCalls}), which the engine counts
 * against {@code partnero.limits.max-upstream-calls} before anything runs.
 */
@GraphQLApi
public class CustomerQueries {

    private final CurrentRequest operations;
    private final ApiKeyResolver keys;
    private final InputRules rules;
    private final PartneroCustomers partnero;
    private final InternalFailures internal;

    CustomerQueries(CurrentRequest operations, ApiKeyResolver keys, InputRules rules, PartneroCustomers partnero,
            InternalFailures internal) {
        this.operations = operations;
        this.keys = keys;
        this.rules = rules;
        this.partnero = partnero;
        this.internal = internal;
    }

    @Query("customers")
    @PartneroCalls(1)
    @NonNull
    @Description("One page of the program's customers, in the order Partnero returns them.")
    public Uni<CustomerPage> customers(
            @Name("page") @DefaultValue("1") @Description("Page number, from 1.") Integer page,
            @Name("limit") @DefaultValue("15") @Description("Page size, from 1 to 250.") Integer limit,
            @Name("partnerKey") @Description("Only customers referred by the partner with this referral key.") String partnerKey,
            @Name("partnerEmail") @Description("Only customers referred by the partner with this email.") String partnerEmail) {
        return Uni.createFrom().item(() -> rules.check(new CustomerListRequest(
                Objects.requireNonNullElse(page, CustomerListRequest.DEFAULT_PAGE),
                Objects.requireNonNullElse(limit, CustomerListRequest.DEFAULT_LIMIT),
                partnerKey, partnerEmail)))
                .flatMap(request -> partnero.list(operation(), request.page(), request.limit(),
                        request.partnerKey(), request.partnerEmail())
                        .map(body -> CustomerMapping.toPage(body, request)))
                .onFailure(failure -> !InternalFailures.isKnown(failure)).transform(this::internalFailure);
    }

    @Query("searchCustomer")
    @PartneroCalls(1)
    @Description("One customer by email or by id; null when there is none.")
    public Uni<Customer> searchCustomer(
            @Name("email") @Description("The customer's email address. Give this or id, not both.") String email,
            @Name("id") @Description("The customer's key. Give this or email, not both.") String id) {
        return Uni.createFrom().item(() -> rules.check(new CustomerSearchRequest(email, id)))
                .flatMap(request -> partnero.search(operation(), request.email(), request.id()))
                .map(CustomerMapping::toCustomer)
                .onFailure(failure -> !InternalFailures.isKnown(failure)).transform(this::internalFailure);
    }

    /**
     * The operation the door began ({@link CurrentRequest}), its key resolved there; an operation of
     * its own, with the request's key, should a resolver ever run without the door.
     */
    private GatewayRequest operation() {
        return operations.get().orElseGet(() -> new GatewayRequest(keys.keyOf()));
    }

    /** A failure that is none of the error codes (a bug here, say in the mapping) reaches no client as it is. */
    private Throwable internalFailure(Throwable failure) {
        return internal.toGatewayException(failure, "resolver");
    }
}
