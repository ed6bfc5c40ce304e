package partnero.gateway.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Every kind of Redis key, byte for byte as {@code contracts/redis-keys.txt} has it (written from the
 * format's definition, not from this code): replicas of another version must find each other's entries.
 */
class RedisKeysTest {

    static final String FINGERPRINT = "0123456789abcdef";
    static final String SHA256_OF_TEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private final RedisKeys keys = new RedisKeys("partnero-gateway:");

    @Test
    void everyKindOfKeyIsTheContractsOwn() {
        Map<String, String> built = new LinkedHashMap<>();
        built.put("page", keys.page(FINGERPRINT, 1, 15, null, null));
        built.put("page with filters", keys.page(FINGERPRINT, 2, 250, "partner_lumen", "ada@example.com"));
        built.put("page refresh", keys.pageRefresh(FINGERPRINT, 1, 15, null, null));
        built.put("search by email", keys.search(FINGERPRINT, "ada@example.com", null));
        built.put("search by id", keys.search(FINGERPRINT, null, "cus_00003"));
        built.put("search refresh", keys.searchRefresh(FINGERPRINT, "ada@example.com", null));
        built.put("answer", keys.answer(SHA256_OF_TEST));
        built.put("document", keys.document(SHA256_OF_TEST.toUpperCase()));
        built.put("rate", keys.rate(FINGERPRINT));
        built.put("customer", keys.graph("customer", FINGERPRINT, "cus 1/2"));
        built.put("customer refresh", keys.graphRefresh("customer", FINGERPRINT, "cus 1/2"));
        built.put("partner", keys.graph("partner", FINGERPRINT, "partner_lumen"));
        built.put("partners", keys.graph("partners", FINGERPRINT, "1", "15"));
        built.put("transaction", keys.graph("transaction", FINGERPRINT, "inv_9"));
        built.put("transactions", keys.graph("transactions", FINGERPRINT, "2", "250", "cus_00003", null));

        assertEquals(Contracts.read("redis-keys.txt"), built);
    }

    @Test
    void aKeyHoldsNothingReadable() {
        String key = keys.page(FINGERPRINT, 1, 15, "partner_lumen", "ada@example.com");

        assertEquals("partnero-gateway:pages:".length() + 64, key.length(), key);
    }
}
