package partnero.gateway.graph;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Type;

import partnero.gateway.engine.AccessorFields;

/** A partner's reward for a transaction. */
@AccessorFields
@Type("Reward")
@Description("The referring partner's reward for a transaction.")
public record Reward(
        @Description("The reward's status: ok, review_period, rejected, or a newer value.") String status,
        @Description("The reward, unrounded, exactly as Partnero wrote it.") BigDecimal amount,
        @Description("The currency's code of the amount.") String currency,
        @Name("isCurrency") @Description("Whether the amount is money (false: some other unit).") Boolean amountIsMoney,
        @Description("Whether the reward is a credit.") Boolean credit,
        @Description("When the reward was created, in UTC.") OffsetDateTime createdAt,
        @Description("When the reward was deleted, in UTC; null unless deleted.") OffsetDateTime deletedAt) {
}
