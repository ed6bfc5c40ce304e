package partnero.gateway.partnero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A tag as Partnero sends it: {@code {"value": "vip"}}. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record WireTag(String value) {
}
