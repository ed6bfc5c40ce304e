package partnero.gateway.partnero;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Partnero's Retry-After, in both forms HTTP allows. */
class RetryAfterTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void delaySecondsAreReadAsTheyAre() {
        assertEquals(OptionalInt.of(7), RetryAfter.seconds("7", NOW));
        assertEquals(OptionalInt.of(0), RetryAfter.seconds("0", NOW));
        assertEquals(OptionalInt.of(120), RetryAfter.seconds(" 120 ", NOW));
    }

    @Test
    void anHttpDateIsTheWaitFromNowUntilThen() {
        assertEquals(OptionalInt.of(90), RetryAfter.seconds("Tue, 24 Nov 2026 10:01:30 GMT", NOW));
    }

    @Test
    void anHttpDateThatHasPassedMeansNoWait() {
        assertEquals(OptionalInt.of(0), RetryAfter.seconds("Tue, 24 Nov 2026 09:59:00 GMT", NOW));
    }

    @Test
    void anEnormousValueIsCappedRatherThanOverflowing() {
        assertEquals(OptionalInt.of(Integer.MAX_VALUE), RetryAfter.seconds("99999999999999", NOW));
    }

    @ParameterizedTest(name = "unreadable: [{0}]")
    @ValueSource(strings = { "", "  ", "-5", "soon", "1.5", "24 Nov 2026", "Tue, 24 Nov 2026 10:01:30" })
    void anythingElseIsNoAdvice(String header) {
        assertEquals(OptionalInt.empty(), RetryAfter.seconds(header, NOW));
    }

    @Test
    void noHeaderIsNoAdvice() {
        assertEquals(OptionalInt.empty(), RetryAfter.seconds(null, NOW));
    }
}
