package partnero.gateway.partnero;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalInt;

/**
 * Partnero's {@code Retry-After} (RFC 9110, 10.2.3): a number of seconds, or an HTTP date, which is
 * read as the seconds from now until then (0 once it has passed).
 */
final class RetryAfter {

    private RetryAfter() {
    }

    /** The wait in whole seconds; empty when the header is absent or unreadable. */
    static OptionalInt seconds(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return OptionalInt.empty();
        }
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? OptionalInt.empty() : OptionalInt.of(clamp(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                return OptionalInt.of(clamp(Math.max(0, Duration.between(ZonedDateTime.now(clock), until).toSeconds())));
            } catch (DateTimeParseException notDate) {
                return OptionalInt.empty();
            }
        }
    }

    private static int clamp(long seconds) {
        return (int) Math.min(seconds, Integer.MAX_VALUE);
    }
}
