package partnero.gateway.graph;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import partnero.gateway.engine.AccessorFields;

/** What a partner's referrals brought (Partnero's {@code referrals}). */
@AccessorFields
@Type("PartnerStats")
@Description("What the partner's referrals brought.")
public record PartnerStats(
        @Description("Clicks on the partner's referral links.") Integer clicks,
        @Description("Sign-ups through the partner.") Integer signups,
        @Description("Sales made through the partner.") Integer salesCount,
        @Description("Referred customers who became paying accounts.") Integer paidAccounts,
        @NonNull @Description("Revenue from the partner's referrals, one amount per currency; empty when there is none.") List<@NonNull Money> revenue) {
}
