package partnero.gateway.partnero;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/**
 * Delays between attempts: a honoured 429 waits exactly its {@code Retry-After}; anything else backs
 * off exponentially from the initial delay with ±50 % jitter, so that many gateways retrying the
 * same outage do not hit Partnero in lockstep. One instance per call.
 */
final class RetryBackoff implements CustomBackoffStrategy {

    private final long initialMillis;
    private int retries;

    RetryBackoff(Duration initial) {
        this.initialMillis = initial.toMillis();
    }

    @Override
    public long nextDelayInMillis(Throwable failure) {
        if (failure instanceof RateLimitWait.Honoured honoured) {
            return honoured.wait.toMillis();
        }
        long base = initialMillis << Math.min(retries++, 16);
        return base / 2 + ThreadLocalRandom.current().nextLong(base + 1);
    }
}
