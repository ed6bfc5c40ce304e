package partnero.gateway.partnero;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import partnero.gateway.error.ErrorCode;
import partnero.gateway.error.GatewayException;

/** The waits between attempts on Partnero. */
class RetryBackoffTest {

    private static final GatewayException UNAVAILABLE = GatewayException.upstream(ErrorCode.UPSTREAM_UNAVAILABLE, "down", 503, null);

    @Test
    void eachRetryWaitsAboutTwiceTheLastWithinFiftyPercent() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(100));
        for (long base : new long[] { 100, 200, 400, 800 }) {
            long delay = backoff.nextDelayInMillis(UNAVAILABLE);
            assertTrue(delay >= base / 2 && delay <= base + base / 2, base + " -> " + delay);
        }
    }

    @Test
    void theJitterSpreadsRetriesOfManyCalls() {
        long smallest = Long.MAX_VALUE;
        long largest = 0;
        for (int i = 0; i < 200; i++) {
            long delay = new RetryBackoff(Duration.ofMillis(1000)).nextDelayInMillis(UNAVAILABLE);
            smallest = Math.min(smallest, delay);
            largest = Math.max(largest, delay);
        }
        assertTrue(largest - smallest > 500, "200 first retries spread over " + smallest + ".." + largest + " ms");
    }

    @Test
    void aHonouredRateLimitWaitsExactlyItsRetryAfter() {
        GatewayException limited = GatewayException.rateLimited(OptionalInt.of(2));
        Throwable honoured = new RateLimitWait(Duration.ofSeconds(2)).apply(limited);

        assertEquals(2000, new RetryBackoff(Duration.ofMillis(100)).nextDelayInMillis(honoured));
    }

    @Test
    void theDoublingStopsGrowingAfterSixteenRetries() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(1));
        long delay = 0;
        for (int i = 0; i < 40; i++) {
            delay = backoff.nextDelayInMillis(UNAVAILABLE);
        }
        assertTrue(delay <= (1L << 16) * 3 / 2, "no overflow: " + delay);
    }
}
