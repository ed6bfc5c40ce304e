package partnero.gateway.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The values in Redis, byte for byte as {@code contracts/shared-entries.txt} has them (written from
 * the formats' definition), written and read back; what is not such an entry does not read.
 */
class SharedEntriesTest {

    static final Map<String, String> GOLDEN = Contracts.read("shared-entries.txt");
    static final byte[] PAGE = "{\"data\":[],\"meta\":{\"current_page\":1}}".getBytes(StandardCharsets.UTF_8);
    static final byte[] ANSWER = "{\"data\":{\"customers\":null}}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aDataEntryIsTheContractsOwn() {
        byte[] written = SharedEntries.data(1_700_000_000_123L, PAGE);

        assertEquals(GOLDEN.get("data"), HexFormat.of().formatHex(written));
        SharedEntries.DataEntry read = SharedEntries.readData(written);
        assertEquals(1_700_000_000_123L, read.fetchedAtMillis());
        assertEquals(new String(PAGE, StandardCharsets.UTF_8),
                new String(written, read.jsonOffset(), written.length - read.jsonOffset(), StandardCharsets.UTF_8));
    }

    @Test
    void anAnswerIsTheContractsOwnWithAndWithoutAName() {
        byte[] named = SharedEntries.answer(1_700_000_030_123L, "Page", ANSWER);
        byte[] anonymous = SharedEntries.answer(1_700_000_030_123L, null, "{\"data\":{}}".getBytes(StandardCharsets.UTF_8));

        assertEquals(GOLDEN.get("answer"), HexFormat.of().formatHex(named));
        assertEquals(GOLDEN.get("answer without a name"), HexFormat.of().formatHex(anonymous));
        SharedEntries.AnswerEntry read = SharedEntries.readAnswer(named);
        assertEquals(1_700_000_030_123L, read.expiresAtMillis());
        assertEquals("Page", read.operationName());
        assertArrayEquals(ANSWER, read.body());
        assertNull(SharedEntries.readAnswer(anonymous).operationName());
    }

    @Test
    void whatIsNoEntryOfThisFormatDoesNotRead() {
        byte[] otherFormat = HexFormat.of().parseHex("02" + GOLDEN.get("data").substring(2));
        byte[] nameTooLong = SharedEntries.answer(1L, "Page", ANSWER);
        nameTooLong[12] = 0x7f;

        assertThrows(IllegalArgumentException.class, () -> SharedEntries.readData(otherFormat));
        assertThrows(IllegalArgumentException.class, () -> SharedEntries.readData(new byte[] { 1, 2 }));
        assertThrows(IllegalArgumentException.class, () -> SharedEntries.readAnswer(nameTooLong));
        assertThrows(IllegalArgumentException.class, () -> SharedEntries.readAnswer("{}".getBytes(StandardCharsets.UTF_8)));
    }
}
