package partnero.gateway.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** SHA-256 as the gateway writes it: lower-case hex of the UTF-8 text; parts kept apart by a zero byte. */
class Sha256Test {

    @Test
    void theStandardTestVectors() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.hex("abc"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.hex(""));
    }

    @Test
    void textIsHashedAsUtf8() {
        // "Zoë" as UTF-8 (5A 6F C3 AB), not as Latin-1 (5A 6F EB), which would give db0525f9...
        assertEquals("c6a12698582fc1104ea24107a2d7268145ff06ef859707729d01fd060897f067", Sha256.hex("Zoë"));
    }

    /** Digests are cloned from one prototype: one left half-fed, or fed on other threads, changes no other. */
    @Test
    void everyDigestStartsFreshWhateverTheOthersWereFed() throws Exception {
        MessageDigest halfFed = Sha256.digest();
        halfFed.update("left behind".getBytes(StandardCharsets.UTF_8));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            Callable<String> abc = () -> Sha256.hex("abc");
            for (Future<String> hash : threads.invokeAll(Collections.nCopies(64, abc))) {
                assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hash.get());
            }
        } finally {
            threads.shutdown();
        }
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                HexFormat.of().formatHex(Sha256.digest().digest()));
    }

    @Test
    void partsAreKeptApart() {
        assertNotEquals(Sha256.hexOfParts("ab", "c"), Sha256.hexOfParts("a", "bc"));
        assertEquals(Sha256.hex("ab\u0000c\u0000"), Sha256.hexOfParts("ab", "c"));
    }
}
