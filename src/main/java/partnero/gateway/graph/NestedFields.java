package partnero.gateway.graph;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.smallrye.mutiny.Uni;
import partnero.gateway.customer.Customer;
import partnero.gateway.customer.CustomerMapping;
import partnero.gateway.customer.Resolution;
import partnero.gateway.engine.PartneroCalls;
import partnero.gateway.engine.PlainSourceFields;
import partnero.gateway.partnero.PartneroGraph;
import partnero.gateway.partnero.WireCustomer;
import partnero.gateway.partnero.WirePartner;

/**
 * The graph's nested fields, each a {@code @Source} resolver that calls Partnero through
 * {@link PartneroGraph} (so each call is made once per request, however many fields need it) and
 * says which endpoint in {@link PartneroCalls}:
 * <ul>
 * <li>a customer's status and tags, from the single customer ({@code GET /customers/{key}}, one call
 * for both, and none for a customer from {@code customer(key)} or a transaction, whose call the
 * request made already), the partner who referred it, and its transactions;</li>
 * <li>a partner's details, which only the single partner carries ({@code GET /partners/{id}}: one call
 * for all of them on a partner of the list, none on one from {@code partner(id)} or a
 * {@code partner} field); when Partnero no longer has the partner (404), every detail is null,
 * without error;</li>
 * <li>a transaction's customer and partner, as {@code customer(key)} and {@code partner(id)} give them.</li>
 * </ul>
 * Each takes its operation from graphql-java ({@link Resolution#resolveNested}), as the request's CDI
 * context is not active where a nested field is fetched; none uses SmallRye's per-fetch context, so
 * the engine fetches them with a plain call ({@link PlainSourceFields}).
 */
@GraphQLApi
@PlainSourceFields
public class NestedFields {

    private final Resolution resolution;
    private final PartneroGraph partnero;

    NestedFields(Resolution resolution, PartneroGraph partnero) {
        this.resolution = resolution;
        this.partnero = partnero;
    }

    // ---- Customer

    @PartneroCalls(value = 1, endpoint = "GET /customers/{key}")
    @Description("The customer's status in Partnero (such as active); values may grow.")
    public Uni<String> status(@Source Customer customer) {
        return customerDetail(customer, WireCustomer::status);
    }

    @PartneroCalls(value = 1, endpoint = "GET /customers/{key}")
    @Description("The customer's tags; empty when there are none, null only when they could not be fetched (with an error).")
    public Uni<List<@NonNull String>> tags(@Source Customer customer) {
        return customerDetail(customer, detail -> GraphMapping.tags(detail.tags()));
    }

    @PartneroCalls(value = 1, endpoint = "GET /partners/{id}")
    @Description("The partner who referred this customer; null when there is none.")
    public Uni<Partner> partner(@Source Customer customer) {
        return partnerWithId(customer.partnerKey());
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

    // ---- Partner: the details

    @PartneroCalls(value = 1, endpoint = "GET /partners/{id}")
    @Description("The partner's main referral link.")
    public Uni<String> referralLink(@Source Partner partner) {
        return partnerDetail(partner, WirePartner::referralLink);
    }

    @PartneroCalls(value = 1, endpoint = "GET /partners/{id}")
    @Description("All the partner's referral links; empty when there are none, null only when they could not be fetched.")
    public Uni<List<@NonNull String>> referralLinks(@Source Partner partner) {
        return partnerDetail(partner, detail -> GraphMapping.strings(detail.referralLinks()));
    }

    @PartneroCalls(value = 1, endpoint = "GET /partners/{id}")
    @Description("How many customers the partner referred.")
    public Uni<Integer> referralsCount(@Source Partner partner) {
        return partnerDetail(partner, WirePartner::referralsCount);
    }

    @PartneroCalls(value = 1, endpoint = "GET /partners/{id}")
    @Description("The partner's tags; empty when there are none, null only when they could not be fetched.")
    public Uni<List<@NonNull String>> tags(@Source Partner partner) {
        return partnerDetail(partner, detail -> GraphMapping.tags(detail.tags()));
    }

    @PartneroCalls(value = 1, endpoint = "GET /partners/{id}")
    @Description("What the partner's referrals brought.")
    public Uni<PartnerStats> stats(@Source Partner partner) {
        return partnerDetail(partner, detail -> GraphMapping.toStats(detail.referrals()));
    }

    @PartneroCalls(value = 1, endpoint = "GET /partners/{id}")
    @Description("The partner's commissions.")
    public Uni<PartnerCommissions> commissions(@Source Partner partner) {
        return partnerDetail(partner, detail -> GraphMapping.toCommissions(detail.commissions()));
    }

    // ---- Transaction

    @PartneroCalls(value = 1, endpoint = "GET /customers/{key}")
    @Description("The customer the transaction belongs to; null when Partnero has none.")
    public Uni<Customer> customer(@Source Transaction transaction) {
        String key = transaction.customerKey();
        return key == null || key.isBlank() ? Uni.createFrom().nullItem()
                : resolution.resolveNested(operation -> partnero.customer(operation, key).map(CustomerMapping::toCustomer));
    }

    @PartneroCalls(value = 1, endpoint = "GET /partners/{id}")
    @Description("The partner the transaction is credited to; null when there is none.")
    public Uni<Partner> partner(@Source Transaction transaction) {
        return partnerWithId(transaction.partnerKey());
    }

    /** The partner with this id ({@code null} for none: no call). */
    private Uni<Partner> partnerWithId(String id) {
        return id == null || id.isBlank() ? Uni.createFrom().nullItem()
                : resolution.resolveNested(operation -> partnero.partner(operation, id).map(GraphMapping::toPartner));
    }

    private <T> Uni<T> customerDetail(Customer customer, Function<WireCustomer, T> field) {
        return resolution.resolveNested(operation -> partnero.customer(operation, customer.key())
                .map(detail -> detail == null ? null : field.apply(detail)));
    }

    private <T> Uni<T> partnerDetail(Partner partner, Function<WirePartner, T> field) {
        return resolution.resolveNested(operation -> partnero.partner(operation, partner.id())
                .map(detail -> detail == null ? null : field.apply(detail)));
    }
}
