package partnero.gateway.customer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The arguments of {@code customers}, with the input rules they must meet before anything is sent
 * upstream. A record, so it is also the value part of a cache key. Every message names its argument.
 */
public record CustomerListRequest(
        @Min(value = 1, message = "page must be 1 or more") int page,
        @Min(value = 1, message = "limit must be between 1 and 250")
        @Max(value = 250, message = "limit must be between 1 and 250") int limit,
        @Pattern(regexp = "\\S+", message = "partnerKey must be a non-blank key without spaces")
        @Size(max = 255, message = "partnerKey must be at most 255 characters") String partnerKey,
        @Email(regexp = InputRules.EMAIL_SHAPE, message = "partnerEmail must be an email address")
        @Size(max = 254, message = "partnerEmail must be at most 254 characters") String partnerEmail) {

    public static final int DEFAULT_PAGE = 1;
    public static final int DEFAULT_LIMIT = 15;
}
