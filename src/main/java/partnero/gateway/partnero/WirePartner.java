package partnero.gateway.partnero;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import io.quarkus.runtime.annotations.RegisterForReflection;
import partnero.gateway.error.ErrorCode;
import partnero.gateway.error.GatewayException;

/**
 * A partner as Partnero sends it: the list's fields ({@code GET /partners}), and the details only the
 * single partner carries ({@code GET /partners/{id}}), null in a list's items. Fields Partnero adds
 * later are ignored; timestamps are read by {@link PartneroTimestamps}.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record WirePartner(
        String id,
        String email,
        String name,
        String surname,
        String status,
        Boolean approved,
        @JsonProperty("created_at") @JsonDeserialize(using = PartneroTimestamps.Reader.class)
        @JsonSerialize(using = PartneroTimestamps.Writer.class) OffsetDateTime createdAt,
        @JsonProperty("updated_at") @JsonDeserialize(using = PartneroTimestamps.Reader.class)
        @JsonSerialize(using = PartneroTimestamps.Writer.class) OffsetDateTime updatedAt,
        @JsonProperty("referral_link") String referralLink,
        @JsonProperty("referral_links") List<String> referralLinks,
        @JsonProperty("referrals_count") Integer referralsCount,
        List<WireTag> tags,
        Referrals referrals,
        Commissions commissions) {

    /** What the partner's referrals brought: {@code referrals} on the single partner. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Referrals(Integer clicks, Integer signups, List<WireMoney> revenue,
            @JsonProperty("sales_count") Integer salesCount,
            @JsonProperty("paid_accounts") Integer paidAccounts) {
    }

    /** The partner's commissions: {@code paid} a bare number (no currency), the others per currency. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Commissions(BigDecimal paid, List<WireMoney> pending, @JsonProperty("not_paid") List<WireMoney> notPaid) {
    }

    /** About the heap this record holds, for the data cache's bound (see {@link WireCustomer#estimatedBytes()}). */
    int estimatedBytes() {
        int bytes = 96 + 2 * 48 + WireCustomer.text(id) + WireCustomer.text(email) + WireCustomer.text(name)
                + WireCustomer.text(surname) + WireCustomer.text(status) + WireCustomer.text(referralLink);
        bytes += referralLinks == null ? 0 : referralLinks.stream().mapToInt(link -> 8 + WireCustomer.text(link)).sum();
        bytes += tags == null ? 0 : tags.stream().mapToInt(tag -> 24 + WireCustomer.text(tag == null ? null : tag.value())).sum();
        bytes += referrals == null ? 0 : 64 + money(referrals.revenue());
        bytes += commissions == null ? 0 : 96 + money(commissions.pending()) + money(commissions.notPaid());
        return bytes;
    }

    static int money(List<WireMoney> amounts) {
        return amounts == null ? 0 : 24 + 96 * amounts.size();
    }

    /** Every partner has an id: an answer with one that has none cannot be read. */
    static WirePartner requireId(WirePartner partner) {
        if (partner == null || partner.id == null || partner.id.isBlank()) {
            throw GatewayException.upstream(ErrorCode.UPSTREAM_BAD_RESPONSE, "Partnero returned a partner without an id", 200, null);
        }
        return partner;
    }
}
