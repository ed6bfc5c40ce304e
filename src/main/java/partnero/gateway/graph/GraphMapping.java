package partnero.gateway.graph;

import java.util.List;
import java.util.Objects;

import partnero.gateway.customer.CustomerMapping;
import partnero.gateway.partnero.WireMoney;
import partnero.gateway.partnero.WirePage;
import partnero.gateway.partnero.WirePartner;
import partnero.gateway.partnero.WireTag;
import partnero.gateway.partnero.WireTransaction;

/**
 * Where Partnero's partners and transactions become the schema's types. Partnero's side has checked
 * that every partner has an id and every transaction a key; where Partnero is loose (absent lists,
 * null items), the schema's promises are kept: an absent list is empty, an amount without a number is
 * left out of a list of amounts.
 */
final class GraphMapping {

    private GraphMapping() {
    }

    /** Null for null: Partnero has no such partner. */
    static Partner toPartner(WirePartner wire) {
        if (wire == null) {
            return null;
        }
        return new Partner(wire.id(), wire.email(), wire.name(), wire.surname(), wire.status(), wire.approved(), wire.createdAt(),
                wire.updatedAt());
    }

    static PartnerPage toPartnerPage(WirePage<WirePartner> body, int page, int limit) {
        List<Partner> items = body.data().stream().map(GraphMapping::toPartner).toList();
        return new PartnerPage(items, CustomerMapping.pageInfo(body.links(), body.meta(), items.size(), page, limit));
    }

    /** Null for null: Partnero has no such transaction. */
    static Transaction toTransaction(WireTransaction wire) {
        if (wire == null) {
            return null;
        }
        List<Reward> rewards = wire.rewards() == null ? List.of()
                : wire.rewards().stream().filter(Objects::nonNull)
                        .map(reward -> new Reward(reward.status(), reward.amount(), reward.amountUnits(), reward.isCurrency(),
                                reward.credit(), reward.createdAt(), reward.deletedAt()))
                        .toList();
        return new Transaction(wire.key(), wire.action(), wire.amount(), wire.amountUnits(), wire.isCurrency(), wire.credit(),
                wire.createdAt(), wire.deletedAt(), wire.customer(), wire.partner(), rewards);
    }

    static TransactionPage toTransactionPage(WirePage<WireTransaction> body, int page, int limit) {
        List<Transaction> items = body.data().stream().map(GraphMapping::toTransaction).toList();
        return new TransactionPage(items, CustomerMapping.pageInfo(body.links(), body.meta(), items.size(), page, limit));
    }

    static PartnerStats toStats(WirePartner.Referrals referrals) {
        return referrals == null ? null
                : new PartnerStats(referrals.clicks(), referrals.signups(), referrals.salesCount(), referrals.paidAccounts(),
                        money(referrals.revenue()));
    }

    static PartnerCommissions toCommissions(WirePartner.Commissions commissions) {
        return commissions == null ? null
                : new PartnerCommissions(commissions.paid(), money(commissions.pending()), money(commissions.notPaid()));
    }

    /** The tags' values; empty when Partnero gives none. */
    static List<String> tags(List<WireTag> tags) {
        return tags == null ? List.of() : tags.stream().filter(tag -> tag != null && tag.value() != null).map(WireTag::value).toList();
    }

    /** Strings of a list that may be absent or hold nulls; empty when absent. */
    static List<String> strings(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }

    private static List<Money> money(List<WireMoney> amounts) {
        return amounts == null ? List.of()
                : amounts.stream().filter(amount -> amount != null && amount.amount() != null)
                        .map(amount -> new Money(amount.amount(), amount.currency())).toList();
    }
}
