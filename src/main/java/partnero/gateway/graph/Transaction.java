package partnero.gateway.graph;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import partnero.gateway.engine.AccessorFields;

/** The GraphQL {@code Transaction}; its {@code customer} and {@code partner} are {@link NestedFields}. */
@AccessorFields
@Type("Transaction")
@Description("A transaction of a customer, usually a sale, with the rewards it earned the referring partner.")
public record Transaction(
        @NonNull @Description("Partnero's unique key of the transaction.") String key,
        @Description("What happened: usually sale.") String action,
        @Description("The amount, exactly as Partnero wrote it.") BigDecimal amount,
        @Description("The currency's code of the amount (Partnero's amount_units).") String currency,
        @Name("isCurrency") @Description("Whether the amount is money (false: some other unit).") Boolean amountIsMoney,
        @Description("Whether the transaction is a credit.") Boolean credit,
        @Description("When the transaction was made, in UTC.") OffsetDateTime createdAt,
        @Description("When the transaction was deleted, in UTC; null unless deleted.") OffsetDateTime deletedAt,
        @Description("Key of the customer the transaction belongs to.") String customerKey,
        @Description("Id of the partner the transaction is credited to; null when none.") String partnerKey,
        @NonNull @Description("The partner's rewards for this transaction; empty when there are none.") List<@NonNull Reward> rewards) {
}
