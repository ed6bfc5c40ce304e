package partnero.gateway.partnero;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The body of {@code GET /customers}: a page of customers with Laravel-style simple pagination. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
record WireCustomerList(List<WireCustomer> data, Links links, Meta meta) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Links(String first, String last, String prev, String next) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Meta(
            @JsonProperty("current_page") Integer currentPage,
            @JsonProperty("per_page") Integer perPage,
            Integer from,
            Integer to) {
    }
}
