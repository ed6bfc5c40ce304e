package partnero.gateway.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Closes every circuit breaker after each test, so that a breaker one test opened does not answer for
 * the next. In-process only (a {@code @QuarkusTest}): {@code @ExtendWith(BreakersClosedAfterEach.class)}.
 */
public class BreakersClosedAfterEach implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        CircuitBreakerMaintenance.get().resetAll();
    }
}
