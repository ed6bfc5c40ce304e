package partnero.gateway.codec;

import java.time.OffsetDateTime;

/**
 * An {@link OffsetDateTime} written as {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME} writes it, which
 * is how SmallRye GraphQL writes a {@code DateTime} field that has no format of its own
 * ({@code DateTransformer}): {@code 2025-05-02T16:12:39Z}, {@code 2025-05-02T16:12:39.5Z},
 * {@code +10000-01-01T00:00:00.000000001-05:30}. A page of customers has 45 of them, and the general
 * formatter was 6 % of a miss and 10 % of an engine run (docs/performance.md); compiled plans write
 * them with this, graphql-java's path keeps SmallRye's transformer, and {@code IsoDateTimesTest} and
 * {@code CompiledPlanDifferentialTest} hold the two to the same bytes.
 */
public final class IsoDateTimes {

    private IsoDateTimes() {
    }

    public static String format(OffsetDateTime value) {
        int year = value.getYear();
        if (year < 0 || year > 9999) { // a sign, and more than 4 digits for a year past 9999 (SignStyle.EXCEEDS_PAD)
            return (year < 0 ? "-" : "+") + pad(Integer.toString(Math.abs(year))) + format(value.withYear(2000)).substring(4);
        }
        String offset = value.getOffset().getId(); // "Z", "+05:30", "-00:00:30"
        char[] text = new char[29 + offset.length()];
        two(text, 0, year / 100);
        two(text, 2, year % 100);
        text[4] = '-';
        two(text, 5, value.getMonthValue());
        text[7] = '-';
        two(text, 8, value.getDayOfMonth());
        text[10] = 'T';
        two(text, 11, value.getHour());
        text[13] = ':';
        two(text, 14, value.getMinute());
        text[16] = ':';
        two(text, 17, value.getSecond());
        int length = 19;
        int nano = value.getNano();
        if (nano != 0) { // the fraction without its trailing zeros, none at all for a whole second
            text[length++] = '.';
            int digits = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                digits--;
            }
            for (int i = digits - 1; i >= 0; i--) {
                text[length + i] = (char) ('0' + nano % 10);
                nano /= 10;
            }
            length += digits;
        }
        offset.getChars(0, offset.length(), text, length);
        return new String(text, 0, length + offset.length());
    }

    private static void two(char[] text, int at, int number) {
        text[at] = (char) ('0' + number / 10);
        text[at + 1] = (char) ('0' + number % 10);
    }

    private static String pad(String digits) {
        return "0".repeat(Math.max(0, 4 - digits.length())) + digits;
    }
}
