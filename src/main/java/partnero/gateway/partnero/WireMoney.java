package partnero.gateway.partnero;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An amount in one currency, {@code {"currency": "EUR", "amount": 29.997}}. The amount is read as
 * Partnero wrote it (a JSON number's digits, or a numeric string), never through a {@code double}.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record WireMoney(String currency, BigDecimal amount) {
}
