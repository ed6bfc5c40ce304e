package partnero.gateway.partnero;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import partnero.gateway.error.ErrorCode;
import partnero.gateway.error.GatewayException;

/**
 * One upstream call's allowance to wait out a 429: the first {@code Retry-After} within the cap is
 * honoured (the failure becomes a {@link Honoured} the retry policy waits for), any other 429 fails
 * at once. One instance per call, since "once" is per call.
 */
final class RateLimitWait {

    /** A 429 to be waited out and retried; carries the client-facing failure in case no retry follows. */
    static final class Honoured extends RuntimeException {
        final GatewayException rateLimited;
        final Duration wait;

        Honoured(GatewayException rateLimited, Duration wait) {
            super(rateLimited.getMessage(), null, false, false);
            this.rateLimited = rateLimited;
            this.wait = wait;
        }
    }

    private final Duration maxWait;
    private final AtomicBoolean used = new AtomicBoolean();

    RateLimitWait(Duration maxWait) {
        this.maxWait = maxWait;
    }

    Throwable apply(GatewayException failure) {
        if (failure.code() != ErrorCode.RATE_LIMITED || failure.retryAfterSeconds().isEmpty()) {
            return failure;
        }
        Duration wait = Duration.ofSeconds(failure.retryAfterSeconds().getAsInt());
        if (wait.compareTo(maxWait) > 0 || !used.compareAndSet(false, true)) {
            return failure;
        }
        return new Honoured(failure, wait);
    }

    static Throwable unwrap(Throwable failure) {
        return failure instanceof Honoured honoured ? honoured.rateLimited : failure;
    }
}
