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
 * A transaction as Partnero sends it ({@code GET /transactions}, {@code GET /transactions/{key}}), with
 * its rewards. Amounts are read as written (a number's digits, or a numeric string), never through a
 * {@code double}; {@code partner} and {@code customer} are the keys Partnero joins them by.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record WireTransaction(
        String key,
        String action,
        BigDecimal amount,
        @JsonProperty("amount_units") String amountUnits,
        String partner,
        String customer,
        Boolean credit,
        @JsonProperty("is_currency") Boolean isCurrency,
        @JsonProperty("created_at") @JsonDeserialize(using = PartneroTimestamps.Reader.class)
        @JsonSerialize(using = PartneroTimestamps.Writer.class) OffsetDateTime createdAt,
        @JsonProperty("deleted_at") @JsonDeserialize(using = PartneroTimestamps.Reader.class)
        @JsonSerialize(using = PartneroTimestamps.Writer.class) OffsetDateTime deletedAt,
        List<Reward> rewards) {

    /** A partner's reward for the transaction; {@code status} is {@code ok}, {@code review_period}, {@code rejected} or a newer value. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reward(
            String status,
            BigDecimal amount,
            @JsonProperty("amount_units") String amountUnits,
            @JsonProperty("is_currency") Boolean isCurrency,
            Boolean credit,
            @JsonProperty("created_at") @JsonDeserialize(using = PartneroTimestamps.Reader.class)
            @JsonSerialize(using = PartneroTimestamps.Writer.class) OffsetDateTime createdAt,
            @JsonProperty("deleted_at") @JsonDeserialize(using = PartneroTimestamps.Reader.class)
            @JsonSerialize(using = PartneroTimestamps.Writer.class) OffsetDateTime deletedAt) {
    }

    /** About the heap this record holds, for the data cache's bound (see {@link WireCustomer#estimatedBytes()}). */
    int estimatedBytes() {
        return 96 + 2 * 48 + 64 + WireCustomer.text(key) + WireCustomer.text(action) + WireCustomer.text(amountUnits)
                + WireCustomer.text(partner) + WireCustomer.text(customer) + (rewards == null ? 0 : 24 + 256 * rewards.size());
    }

    /** Every transaction has a key: an answer with one that has none cannot be read. */
    static WireTransaction requireKey(WireTransaction transaction) {
        if (transaction == null || transaction.key == null || transaction.key.isBlank()) {
            throw GatewayException.upstream(ErrorCode.UPSTREAM_BAD_RESPONSE, "Partnero returned a transaction without a key", 200, null);
        }
        return transaction;
    }
}
