package partnero.gateway.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import partnero.gateway.request.GatewayRequest.Stale;

/**
 * The stale mark goes into the answer's bytes and changes nothing else: the chaos run saw Partnero's
 * {@code "40.00"} answered as {@code 40.0} in stale answers, the answer having been read into a tree and
 * written again.
 */
class StaleAnswersTest {

    private static final Stale STALE = new Stale("UPSTREAM_UNAVAILABLE", 75);
    private static final String MARK = "\"stale\":{\"ageSeconds\":75,\"reason\":\"UPSTREAM_UNAVAILABLE\"}";

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // exact decimals, big numbers and escapes as SmallRye writes them stay as they are
            "{\"data\":{\"amount\":40.00,\"big\":123456789012345678901234567890.000001,\"s\":\"\\u001f </script>\"}}"
                    + "|{\"data\":{\"amount\":40.00,\"big\":123456789012345678901234567890.000001,\"s\":\"\\u001f </script>\"},\"extensions\":{" + MARK + "}}",
            // errors and data: the mark comes last
            "{\"errors\":[{\"message\":\"m\",\"extensions\":{\"code\":\"X\"}}],\"data\":{\"a\":null}}"
                    + "|{\"errors\":[{\"message\":\"m\",\"extensions\":{\"code\":\"X\"}}],\"data\":{\"a\":null},\"extensions\":{" + MARK + "}}",
            // top-level extensions already there: the mark joins them
            "{\"data\":{\"a\":1},\"extensions\":{\"other\":[1,2]}}|{\"data\":{\"a\":1},\"extensions\":{" + MARK + ",\"other\":[1,2]}}",
            "{\"data\":{},\"extensions\":{}}|{\"data\":{},\"extensions\":{" + MARK + "}}",
            // white space and an empty object
            "` { \"data\" : { \"a\" : 1 } } `|` { \"data\" : { \"a\" : 1 } ,\"extensions\":{" + MARK + "}} `",
            "{}|{\"extensions\":{" + MARK + "}}",
    })
    void theMarkIsSplicedInAndEveryOtherByteStays(String answer, String marked) {
        assertEquals(marked, new String(StaleAnswers.withStale(answer.getBytes(StandardCharsets.UTF_8), STALE), StandardCharsets.UTF_8));
    }
}
