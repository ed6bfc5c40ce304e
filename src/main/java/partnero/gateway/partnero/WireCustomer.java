package partnero.gateway.partnero;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import io.quarkus.runtime.annotations.RegisterForReflection;
import partnero.gateway.error.ErrorCode;
import partnero.gateway.error.GatewayException;

/**
 * A customer as Partnero sends it (snake_case on the wire). Fields Partnero adds later are ignored;
 * timestamps are read by {@link PartneroTimestamps}, so an odd one is null rather than a failure.
 * {@code status} and {@code tags} come only with the single customer ({@code GET /customers/{key}}):
 * null in the list's and the search's, and then not written in the shared cache's entries either.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record WireCustomer(
        String key,
        String partner,
        Boolean deleted,
        String name,
        String surname,
        String email,
        @JsonProperty("created_at") @JsonDeserialize(using = PartneroTimestamps.Reader.class)
        @JsonSerialize(using = PartneroTimestamps.Writer.class) OffsetDateTime createdAt,
        @JsonProperty("updated_at") @JsonDeserialize(using = PartneroTimestamps.Reader.class)
        @JsonSerialize(using = PartneroTimestamps.Writer.class) OffsetDateTime updatedAt,
        @JsonProperty("deleted_at") @JsonDeserialize(using = PartneroTimestamps.Reader.class)
        @JsonSerialize(using = PartneroTimestamps.Writer.class) OffsetDateTime deletedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String status,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<WireTag> tags) {

    /**
     * About the heap this record holds, for the data cache's bound: its strings (two bytes a character
     * at most, plus headers), its timestamps and itself. An estimate, on the generous side.
     */
    int estimatedBytes() {
        return 64 + 3 * 48 + text(key) + text(partner) + text(name) + text(surname) + text(email) + text(status)
                + (tags == null ? 0 : tags.stream().mapToInt(tag -> 24 + text(tag == null ? null : tag.value())).sum());
    }

    static int text(String value) {
        return value == null ? 0 : 40 + 2 * value.length();
    }

    /** Every customer has a key: an answer with one that has none (or with a null customer) cannot be read. */
    static WireCustomer requireKey(WireCustomer customer) {
        if (customer == null || customer.key == null || customer.key.isBlank()) {
            throw GatewayException.upstream(ErrorCode.UPSTREAM_BAD_RESPONSE, "Partnero returned a customer without a key", 200, null);
        }
        return customer;
    }
}
