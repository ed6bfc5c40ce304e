package partnero.gateway.customer;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The arguments of {@code searchCustomer}: exactly one of {@code email} or {@code id}. A record, so it
 * is also the value part of a cache key.
 */
public record CustomerSearchRequest(
        @Email(regexp = InputRules.EMAIL_SHAPE, message = "email must be an email address")
        @Size(max = 254, message = "email must be at most 254 characters") String email,
        @Pattern(regexp = "\\S+", message = "id must be a non-blank id without spaces")
        @Size(max = 255, message = "id must be at most 255 characters") String id) {

    @AssertTrue(message = "searchCustomer needs exactly one of email or id")
    boolean isExactlyOneCriterion() {
        return (email == null) != (id == null);
    }
}
