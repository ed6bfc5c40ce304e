package partnero.gateway.partnero;

import static java.time.temporal.ChronoField.OFFSET_SECONDS;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

/**
 * Partnero's timestamps, read once, when its answer is read (so the data cache holds them read).
 * Tolerant: ISO 8601 with {@code T} or a space, any fraction of a second, an offset or else UTC; a
 * value that is none of these becomes null, with a warning that names the field and never the value
 * (it may be any customer data), so that one odd field never fails a whole page.
 */
public final class PartneroTimestamps {

    private static final Logger LOG = Logger.getLogger(PartneroTimestamps.class);

    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffsetId().optionalEnd()
            .parseDefaulting(OFFSET_SECONDS, 0)
            .toFormatter();

    /** What Partnero writes: {@code 2025-05-02T16:12:39.000000Z}. */
    private static final DateTimeFormatter PARTNERO_SHAPE = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private PartneroTimestamps() {
    }

    /** The instant in UTC; null for an absent or unreadable value. */
    static OffsetDateTime read(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        OffsetDateTime canonical = canonicalUtc(value);
        if (canonical != null) {
            return canonical;
        }
        try {
            return OffsetDateTime.parse(value.strip(), LENIENT).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            LOG.warnf("Ignoring a '%s' from Partnero that is not an ISO 8601 timestamp", field);
            return null;
        }
    }

    /** A timestamp as Partnero writes one (the dev simulator speaks Partnero's format). */
    static String write(OffsetDateTime timestamp) {
        return PARTNERO_SHAPE.format(timestamp);
    }

    /**
     * Partnero's own shape, {@code 2025-05-02T16:12:39.000000Z}, read without a DateTimeFormatter:
     * a page has up to 750 timestamps, and the general formatter was 5 % of the gateway's CPU time
     * (docs/performance.md). Null for anything else, which then takes the general path.
     */
    static OffsetDateTime canonicalUtc(String value) {
        return canonicalUtc(value.toCharArray(), 0, value.length());
    }

    /**
     * {@link #canonicalUtc(String)} of the characters {@code text[offset, offset + length)}: what the
     * JSON parser holds, read where it lies (no string made, no {@code charAt}, which the native
     * executable calls rather than inlines).
     */
    static OffsetDateTime canonicalUtc(char[] text, int offset, int length) {
        int end = offset + length;
        if (length < 20 || text[end - 1] != 'Z' || text[offset + 4] != '-' || text[offset + 7] != '-'
                || text[offset + 10] != 'T' || text[offset + 13] != ':' || text[offset + 16] != ':') {
            return null;
        }
        boolean hasFraction = length > 20; // ".f" to ".fffffffff" between the seconds and the Z
        int fractionDigits = length - 21;
        if (hasFraction && (text[offset + 19] != '.' || fractionDigits < 1 || fractionDigits > 9)) {
            return null;
        }
        try {
            int nanos = 0;
            if (hasFraction) {
                nanos = number(text, offset + 20, fractionDigits);
                for (int i = fractionDigits; i < 9; i++) {
                    nanos *= 10;
                }
            }
            return OffsetDateTime.of(number(text, offset, 4), number(text, offset + 5, 2), number(text, offset + 8, 2),
                    number(text, offset + 11, 2), number(text, offset + 14, 2), number(text, offset + 17, 2), nanos,
                    ZoneOffset.UTC);
        } catch (DateTimeException | NumberFormatException e) {
            return null; // out of range or not digits: the general path decides
        }
    }

    private static int number(char[] text, int start, int digits) {
        int number = 0;
        for (int i = start; i < start + digits; i++) {
            char c = text[i];
            if (c < '0' || c > '9') {
                throw new NumberFormatException();
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }

    /** Reads a wire record's timestamp field; anything but a readable string is null. */
    public static final class Reader extends StdScalarDeserializer<OffsetDateTime> {

        public Reader() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String field = parser.currentName();
            if (!parser.currentToken().isScalarValue()) {
                parser.skipChildren();
                LOG.warnf("Ignoring a '%s' from Partnero that is not an ISO 8601 timestamp", field);
                return null;
            }
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                char[] text = parser.getTextCharacters();
                OffsetDateTime canonical = text == null ? null
                        : canonicalUtc(text, parser.getTextOffset(), parser.getTextLength());
                if (canonical != null) {
                    return canonical;
                }
            }
            return read(field, parser.getValueAsString());
        }
    }

    /** Writes a wire record's timestamp field in Partnero's shape. */
    public static final class Writer extends StdScalarSerializer<OffsetDateTime> {

        public Writer() {
            super(OffsetDateTime.class);
        }

        @Override
        public void serialize(OffsetDateTime value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(write(value));
        }
    }
}
