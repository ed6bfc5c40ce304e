package partnero.gateway.graph;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import partnero.gateway.engine.AccessorFields;

/** A partner's commissions. */
@AccessorFields
@Type("PartnerCommissions")
@Description("The partner's commissions.")
public record PartnerCommissions(
        @Description("Commissions paid out, as Partnero totals them (it gives no currency).") BigDecimal paid,
        @NonNull @Description("Commissions pending, one amount per currency.") List<@NonNull Money> pending,
        @NonNull @Description("Commissions earned but not paid, one amount per currency.") List<@NonNull Money> notPaid) {
}
