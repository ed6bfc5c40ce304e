package partnero.gateway.graph;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.smallrye.mutiny.Uni;
import partnero.gateway.customer.Resolution;
import partnero.gateway.engine.PartneroCalls;
import partnero.gateway.partnero.PartneroGraph;
import partnero.gateway.partnero.WirePartner;

/**
 * A partner's details, which only the single partner carries ({@code GET /partners/{id}}): for a
 * partner of the list, one call for all of them; for one that came from {@code partner(id)} or a
 * customer's or a transaction's {@code partner}, none (the request made it already). When Partnero
 * has no such partner any more (404), every detail is null, without error.
 */
@GraphQLApi
public class PartnerDetails {

    private final Resolution resolution;
    private final PartneroGraph partnero;

    PartnerDetails(Resolution resolution, PartneroGraph partnero) {
        this.resolution = resolution;
        this.partnero = partnero;
    }

    @PartneroCalls(value = 1, endpoint = "GET /partners/{id}")
    @Description("The partner's main referral link.")
    public Uni<String> referralLink(@Source Partner partner) {
        return detail(partner, WirePartner::referralLink);
    }

    @PartneroCalls(value = 1, endpoint = "GET /partners/{id}")
    @Description("All the partner's referral links; empty when there are none, null only when they could not be fetched.")
    public Uni<List<@NonNull String>> referralLinks(@Source Partner partner) {
        return detail(partner, detail -> GraphMapping.strings(detail.referralLinks()));
    }

    @PartneroCalls(value = 1, endpoint = "GET /partners/{id}")
    @Description("How many customers the partner referred.")
    public Uni<Integer> referralsCount(@Source Partner partner) {
        return detail(partner, WirePartner::referralsCount);
    }

    @PartneroCalls(value = 1, endpoint = "GET /partners/{id}")
    @Description("The partner's tags; empty when there are none, null only when they could not be fetched.")
    public Uni<List<@NonNull String>> tags(@Source Partner partner) {
        return detail(partner, detail -> GraphMapping.tags(detail.tags()));
    }

    @PartneroCalls(value = 1, endpoint = "GET /partners/{id}")
    @Description("What the partner's referrals brought.")
    public Uni<PartnerStats> stats(@Source Partner partner) {
        return detail(partner, detail -> GraphMapping.toStats(detail.referrals()));
    }

    @PartneroCalls(value = 1, endpoint = "GET /partners/{id}")
    @Description("The partner's commissions.")
    public Uni<PartnerCommissions> commissions(@Source Partner partner) {
        return detail(partner, detail -> GraphMapping.toCommissions(detail.commissions()));
    }

    private <T> Uni<T> detail(Partner partner, Function<WirePartner, T> field) {
        return resolution.resolveNested(operation -> partnero.partner(operation, partner.id())
                .map(detail -> detail == null ? null : field.apply(detail)));
    }
}
