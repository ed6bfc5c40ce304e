package partnero.gateway.partnero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The body of a single-object endpoint ({@code GET /customers/{key}}, {@code /partners/{id}}, {@code /transactions/{key}}). */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
record WireOne<T>(T data) {
}
