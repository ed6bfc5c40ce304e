package partnero.gateway.partnero;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of {@code GET /customers:search}. Its {@code data} is documented only by analogy, so it is
 * read as a list that also accepts a single object: {@code {..}}, {@code [{..}]}, {@code []} and
 * {@code null} all fit.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
record WireCustomerSearch(@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<WireCustomer> data) {
}
