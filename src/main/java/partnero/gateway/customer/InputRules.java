package partnero.gateway.customer;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import partnero.gateway.error.ErrorCode;
import partnero.gateway.error.GatewayException;

/**
 * Checks a request's arguments against the constraints declared on its record, so that no invalid
 * input ever reaches Partnero. All broken rules are reported at once, each naming its argument.
 */
@ApplicationScoped
class InputRules {

    /** Something, an at sign, something, a dot, something: what "looks like an email" means here. */
    static final String EMAIL_SHAPE = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private final Validator validator;

    InputRules(Validator validator) {
        this.validator = validator;
    }

    <T> T check(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            String message = violations.stream()
                    .map(ConstraintViolation::getMessage)
                    .distinct()
                    .sorted()
                    .collect(Collectors.joining("; "));
            throw GatewayException.of(ErrorCode.BAD_USER_INPUT, message);
        }
        return request;
    }
}
