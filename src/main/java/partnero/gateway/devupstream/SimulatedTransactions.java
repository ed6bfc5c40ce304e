package partnero.gateway.devupstream;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import partnero.gateway.partnero.PartneroTimestamps;
import partnero.gateway.partnero.WireCustomer;

/**
 * The simulator's transactions: about two customers in three bought one to four times (a few of them
 * refunded a purchase), each transaction naming the customer's own partner, with the partner's reward of
 * 30 % on a sale, unrounded as Partnero keeps it (29.997 on 99.99). Sales of customers without a partner,
 * refunds and a few others have no reward. Two transactions are odd on purpose, as Partnero's may be: one
 * writes its amount as a numeric string (older Partnero examples did), one has the shop's invoice number as
 * its key, slashes included. Seeded, listed oldest first.
 */
final class SimulatedTransactions {

    /** A transaction as Partnero writes it; its {@code amount} is a number, or for one transaction a numeric string. */
    record Transaction(String key, String action, Object amount, @JsonProperty("amount_units") String amountUnits,
            String partner, String customer, boolean credit, @JsonProperty("is_currency") boolean isCurrency,
            @JsonProperty("created_at") @JsonSerialize(using = PartneroTimestamps.Writer.class) OffsetDateTime createdAt,
            @JsonProperty("deleted_at") @JsonSerialize(using = PartneroTimestamps.Writer.class) OffsetDateTime deletedAt,
            List<Reward> rewards) {

        BigDecimal decimalAmount() {
            return amount instanceof BigDecimal decimal ? decimal : new BigDecimal(amount.toString());
        }
    }

    /** A partner's reward for a transaction, whose key it carries. */
    record Reward(String key, String action, String status, String customer, String partner, BigDecimal amount,
            @JsonProperty("amount_units") String amountUnits, @JsonProperty("is_currency") boolean isCurrency, boolean credit,
            @JsonProperty("created_at") @JsonSerialize(using = PartneroTimestamps.Writer.class) OffsetDateTime createdAt,
            @JsonProperty("deleted_at") @JsonSerialize(using = PartneroTimestamps.Writer.class) OffsetDateTime deletedAt,
            @JsonProperty("product_type_data") Map<String, Object> productTypeData) {
    }

    private static final BigDecimal[] PRICES = Stream.of("19.99", "29.00", "40.00", "49.50", "99.99", "120.00", "249.00")
            .map(BigDecimal::new).toArray(BigDecimal[]::new);
    private static final BigDecimal RATE = new BigDecimal("0.3");
    private static final BigDecimal STRING_AMOUNT = new BigDecimal("49.50");
    private static final int INVOICE_NUMBERED = 42;

    /** What is drawn for a transaction before the list is in time order and keys can be given. */
    private record Draw(WireCustomer customer, String action, BigDecimal amount, String units, OffsetDateTime at,
            boolean deleted, String rewardStatus) {
    }

    private final List<Transaction> transactions;

    SimulatedTransactions(SimulatedCustomers customers, long seed) {
        Random random = new Random(seed);
        List<Draw> draws = new ArrayList<>();
        for (WireCustomer customer : customers.matching(customer -> true)) {
            if (random.nextInt(100) >= 65) {
                continue;
            }
            String units = random.nextInt(100) < 80 ? "EUR" : "USD";
            OffsetDateTime at = customer.createdAt();
            BigDecimal lastSale = null;
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                at = at.plus(1 + random.nextInt(40 * 24), ChronoUnit.HOURS).plusSeconds(random.nextInt(3600));
                boolean refund = lastSale != null && random.nextInt(100) < 12;
                BigDecimal amount = refund ? lastSale : PRICES[random.nextInt(PRICES.length)];
                int reward = random.nextInt(100);
                String rewardStatus = refund || customer.partner() == null || reward < 8 ? null
                        : reward < 65 ? "ok" : reward < 92 ? "review_period" : "rejected";
                draws.add(new Draw(customer, refund ? "refund" : "sale", amount, units, at, random.nextInt(100) < 3, rewardStatus));
                lastSale = refund ? null : amount;
            }
        }
        draws.sort(Comparator.comparing(Draw::at));
        List<Transaction> all = new ArrayList<>(draws.size());
        boolean stringAmountGiven = false;
        for (Draw draw : draws) {
            int number = all.size() + 1;
            String key = number == INVOICE_NUMBERED ? "inv/%d/%05d".formatted(draw.at().getYear(), number) : "txn_%05d".formatted(number);
            boolean asString = !stringAmountGiven && draw.amount().equals(STRING_AMOUNT);
            stringAmountGiven |= asString;
            all.add(transaction(key, draw, asString));
        }
        this.transactions = List.copyOf(all);
    }

    private static Transaction transaction(String key, Draw draw, boolean amountAsString) {
        String customer = draw.customer().key();
        String partner = draw.customer().partner();
        OffsetDateTime deletedAt = draw.deleted() ? draw.at().plusDays(2) : null;
        List<Reward> rewards = draw.rewardStatus() == null ? List.of()
                : List.of(new Reward(key, draw.action(), draw.rewardStatus(), customer, partner,
                        wire(draw.amount().multiply(RATE)), draw.units(), true, false, draw.at(), deletedAt, Map.of()));
        return new Transaction(key, draw.action(), amountAsString ? draw.amount().toPlainString() : wire(draw.amount()),
                draw.units(), partner, customer, false, true, draw.at(), deletedAt, rewards);
    }

    /** An amount as Partnero writes one: unrounded, with no trailing zeros but one decimal (40.0, 29.997), never an exponent. */
    static BigDecimal wire(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 1 ? stripped.setScale(1) : stripped;
    }

    List<Transaction> matching(Predicate<Transaction> filter) {
        return transactions.stream().filter(filter).toList();
    }

    Optional<Transaction> byKey(String key) {
        return transactions.stream().filter(t -> t.key().equals(key)).findFirst();
    }
}
