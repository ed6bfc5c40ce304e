package partnero.gateway.partnero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A customer as Partnero sends it. Timestamps stay strings here: {@link UpstreamMapper} parses them
 * leniently, so an odd timestamp format never fails a whole page.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
record WireCustomer(
        String key,
        String partner,
        Boolean deleted,
        String name,
        String surname,
        String email,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("deleted_at") String deletedAt) {
}
