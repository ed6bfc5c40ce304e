package partnero.gateway.devupstream;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import partnero.gateway.devupstream.SimulatedCustomers.Tag;
import partnero.gateway.devupstream.SimulatedTransactions.Reward;
import partnero.gateway.devupstream.SimulatedTransactions.Transaction;
import partnero.gateway.partnero.PartneroTimestamps;

/**
 * The simulator's partners: the six whose ids the customers carry in {@code partner} (as Partnero's examples
 * show), so that every customer's partner resolves, and two who referred no one (one pending approval, one
 * deleted). A partner's counts and sums come from its customers and their transactions: revenue is what
 * they paid less refunds, rewards under review are pending, rewards that are {@code ok} are paid (in EUR,
 * before 2025) or not paid yet.
 */
final class SimulatedPartners {

    /** A partner as Partnero lists it. */
    record Partner(String id, String email, String name, String surname, String status, boolean approved,
            @JsonProperty("custom_fields") List<Object> customFields,
            @JsonProperty("created_at") @JsonSerialize(using = PartneroTimestamps.Writer.class) OffsetDateTime createdAt,
            @JsonProperty("updated_at") @JsonSerialize(using = PartneroTimestamps.Writer.class) OffsetDateTime updatedAt) {
    }

    /** {@code GET /partners/{id}}'s partner: the list's fields and more. */
    record Detail(@JsonUnwrapped Partner partner, boolean tos, @JsonProperty("referrals_count") int referralsCount,
            List<Tag> tags, @JsonProperty("referral_link") String referralLink,
            @JsonProperty("referral_links") List<String> referralLinks, Referrals referrals, Commissions commissions) {
    }

    record Referrals(int clicks, int signups, List<Money> revenue, @JsonProperty("sales_count") int salesCount,
            @JsonProperty("paid_accounts") int paidAccounts) {
    }

    /** {@code paid} is a bare number, in the program's currency; the others are per currency, as Partnero writes them. */
    record Commissions(BigDecimal paid, List<Money> pending, @JsonProperty("not_paid") List<Money> notPaid) {
    }

    record Money(String currency, BigDecimal amount) {
    }

    private record Profile(String id, String email, String name, String surname, String status, List<String> tags) {
    }

    private static final List<Profile> PROFILES = List.of(
            referring("partner_northwind", "Nora", "Lindqvist", "active", "top", "agency"),
            referring("partner_lumen", "Leo", "Marchetti", "active", "media"),
            referring("partner_brightpath", "Priya", "Raman", "active"),
            referring("partner_quill", "Quentin", "Hale", "archived", "reviews"),
            referring("partner_orbit", "Oskar", "Berg", "active"),
            referring("partner_sage", "Sage", "Okafor", "active", "creator", "top"),
            new Profile("partner_fjord", "ola@fjord-studio.example", "Ola", "Fjord", "pending", List.of()),
            new Profile("partner_ember", "ember.deals@mail.example", "Elif", "Demir", "deleted", List.of()));

    private static final OffsetDateTime LAST_PAYOUT = OffsetDateTime.parse("2025-01-01T00:00:00Z");

    private final Map<String, Detail> partners = new LinkedHashMap<>();

    SimulatedPartners(SimulatedCustomers customers, SimulatedTransactions transactions) {
        OffsetDateTime first = OffsetDateTime.parse("2024-01-08T10:00:00.000Z");
        for (int i = 0; i < PROFILES.size(); i++) {
            Profile profile = PROFILES.get(i);
            String id = profile.id();
            OffsetDateTime created = first.plusDays(9L * i).plusMinutes(97L * i);
            Partner partner = new Partner(id, profile.email(), profile.name(), profile.surname(), profile.status(),
                    !profile.status().equals("pending"), List.of(), created, created.plusDays(40));
            int referred = customers.matching(customer -> id.equals(customer.partner())).size();
            partners.put(id, detail(partner, profile.tags(), referred, transactions.matching(t -> id.equals(t.partner()))));
        }
    }

    private static Profile referring(String id, String name, String surname, String status, String... tags) {
        String email = SimulatedCustomers.PARTNERS.stream().filter(p -> p.key().equals(id)).findFirst().orElseThrow().email();
        return new Profile(id, email, name, surname, status, List.of(tags));
    }

    private static Detail detail(Partner partner, List<String> tags, int referred, List<Transaction> transactions) {
        Map<String, BigDecimal> revenue = new TreeMap<>();
        Map<String, BigDecimal> pending = new TreeMap<>();
        Map<String, BigDecimal> notPaid = new TreeMap<>();
        BigDecimal paid = BigDecimal.ZERO;
        int sales = 0;
        Set<String> paying = new HashSet<>();
        for (Transaction transaction : transactions) {
            if (transaction.deletedAt() != null) {
                continue;
            }
            boolean sale = transaction.action().equals("sale");
            revenue.merge(transaction.amountUnits(), sale ? transaction.decimalAmount() : transaction.decimalAmount().negate(), BigDecimal::add);
            if (sale) {
                sales++;
                paying.add(transaction.customer());
            }
            for (Reward reward : transaction.rewards()) {
                if (reward.status().equals("review_period")) {
                    pending.merge(reward.amountUnits(), reward.amount(), BigDecimal::add);
                } else if (reward.status().equals("ok") && reward.amountUnits().equals("EUR") && reward.createdAt().isBefore(LAST_PAYOUT)) {
                    paid = paid.add(reward.amount());
                } else if (reward.status().equals("ok")) {
                    notPaid.merge(reward.amountUnits(), reward.amount(), BigDecimal::add);
                }
            }
        }
        String link = partner.approved() ? "https://shop.example/?aff=" + partner.id().substring("partner_".length()) : null;
        List<String> links = link == null ? List.of() : tags.isEmpty() ? List.of(link) : List.of(link, link.replace("/?", "/pricing?"));
        Referrals referrals = new Referrals(7 * referred + 23, referred, money(revenue), sales, paying.size());
        return new Detail(partner, partner.approved(), referred, tags.stream().map(Tag::new).toList(), link, links, referrals,
                new Commissions(SimulatedTransactions.wire(paid), money(pending), money(notPaid)));
    }

    private static List<Money> money(Map<String, BigDecimal> byCurrency) {
        return byCurrency.entrySet().stream().map(sum -> new Money(sum.getKey(), SimulatedTransactions.wire(sum.getValue()))).toList();
    }

    List<Partner> all() {
        return partners.values().stream().map(Detail::partner).toList();
    }

    Optional<Detail> byId(String id) {
        return Optional.ofNullable(partners.get(id));
    }
}
