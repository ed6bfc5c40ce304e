package partnero.gateway.partnero;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;
import partnero.gateway.error.ErrorCode;
import partnero.gateway.error.GatewayException;

/** The body of {@code GET /customers}: a page of customers with Laravel-style simple pagination. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record WireCustomerList(List<WireCustomer> data, Links links, Meta meta) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Links(String first, String last, String prev, String next) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Meta(
            @JsonProperty("current_page") Integer currentPage,
            @JsonProperty("per_page") Integer perPage,
            Integer from,
            Integer to) {
    }

    /** About the heap this page holds, for the data cache's bound (see {@link WireCustomer#estimatedBytes()}). */
    int estimatedBytes() {
        return WirePage.estimatedBytes(data, links, WireCustomer::estimatedBytes);
    }

    /** The page, if the gateway can read it: it has {@code data}, and every customer in it a key. */
    WireCustomerList readable() {
        if (data == null) {
            throw GatewayException.upstream(ErrorCode.UPSTREAM_BAD_RESPONSE, "Partnero's customer list has no 'data'", 200, null);
        }
        data.forEach(WireCustomer::requireKey);
        return this;
    }
}
