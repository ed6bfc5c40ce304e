package partnero.gateway.partnero;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;
import partnero.gateway.error.ErrorCode;
import partnero.gateway.error.GatewayException;

/**
 * The body of {@code GET /customers:search}. Its {@code data} is documented only by analogy, so it is
 * read as a list that also accepts a single object: {@code {..}}, {@code [{..}]}, {@code []} and
 * {@code null} all fit.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
record WireCustomerSearch(@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<WireCustomer> data) {

    /** The one customer found, or null for none; more than one cannot be the answer to a search by email or id. */
    WireCustomer onlyCustomer() {
        if (data == null || data.isEmpty() || data.get(0) == null && data.size() == 1) {
            return null;
        }
        if (data.size() > 1) {
            throw GatewayException.upstream(ErrorCode.UPSTREAM_BAD_RESPONSE,
                    "Partnero returned " + data.size() + " customers for a search that identifies one", 200, null);
        }
        return WireCustomer.requireKey(data.get(0));
    }
}
