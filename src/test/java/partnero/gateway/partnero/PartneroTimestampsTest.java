package partnero.gateway.partnero;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path for Partnero's own timestamp shape reads exactly what the general parser reads. */
class PartneroTimestampsTest {

    @ParameterizedTest
    @ValueSource(strings = { "2025-05-02T16:12:39.000000Z", "2025-05-02T16:12:39Z", "2025-02-11T11:30:00.5Z",
            "2024-02-29T23:59:59.999999999Z", "1999-12-31T00:00:00.123Z", "2025-05-02T16:12:39.000001Z" })
    void partnerosShapeIsReadByTheFastPathAsTheGeneralParserReadsIt(String value) {
        OffsetDateTime fast = PartneroTimestamps.canonicalUtc(value);

        assertNotNull(fast, value);
        assertEquals(PartneroTimestamps.read("createdAt", value + " "), fast, value); // the blank skips the fast path
    }

    @ParameterizedTest
    @ValueSource(strings = { "2025-05-02T16:12:39.000000Z", "2025-05-02T16:12:39Z", "2024-02-29T23:59:59.999999999Z",
            "2025-13-02T16:12:39Z", "2025-05-02T16:12:3xZ", "2025-05-02T16:12:39+02:00", "yesterday" })
    void charactersAreReadWhereTheyLieInTheParsersBuffer(String value) {
        char[] buffer = ("{\"createdAt\":\"" + value + "\",\"x\":1}").toCharArray();

        assertEquals(PartneroTimestamps.canonicalUtc(value), PartneroTimestamps.canonicalUtc(buffer, 14, value.length()), value);
    }

    @ParameterizedTest
    @ValueSource(strings = { "2025-13-02T16:12:39Z", "2023-02-29T10:00:00Z", "2025-05-02T24:00:00Z",
            "2025-05-02T16:12:39.Z", "2025-05-02T16:12:39.1234567890Z", "2025-05-02T16:12:3xZ",
            "2025-05-02 16:12:39Z", "2025-05-02T16:12:39+02:00", "2025-05-02T16:12:39", "yesterday",
            "2025-05-02T16:12:39,5Z", "+2025-05-02T16:12:39Z" })
    void anythingElseIsLeftToTheGeneralParser(String value) {
        assertNull(PartneroTimestamps.canonicalUtc(value), value);
    }
}
