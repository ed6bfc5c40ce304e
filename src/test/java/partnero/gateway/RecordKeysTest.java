package partnero.gateway;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Records that are keys of maps and caches (named {@code …Key}) write their {@code equals},
 * {@code hashCode} and {@code toString} out. The ones the compiler generates call
 * {@code java.lang.runtime.ObjectMethods} through method handles, which the native executable runs in
 * its method-handle interpreter: a data-cache or plan lookup then cost 17-19 % of an engine run's CPU
 * natively (docs/performance.md, "Where the time goes"). A record whose class file names {@code ObjectMethods}
 * still has a generated one.
 */
class RecordKeysTest {

    static final Path CLASSES = Path.of("target", "classes");
    static final String GENERATED_OBJECT_METHODS = "java/lang/runtime/ObjectMethods";

    @Test
    void everyKeyRecordWritesItsObjectMethodsOut() {
        List<Path> keys = classFiles().filter(file -> file.getFileName().toString().endsWith("Key.class"))
                .filter(RecordKeysTest::isRecord).toList();

        assertTrue(keys.size() >= 3, "the data cache's and the plans' keys are found: " + keys);
        for (Path key : keys) {
            assertFalse(mentions(key, GENERATED_OBJECT_METHODS), key + " has a generated equals, hashCode or toString");
        }
    }

    @Test
    void aRecordWithGeneratedMethodsIsSeenAsOne() {
        Path customer = CLASSES.resolve("partnero/gateway/customer/Customer.class"); // a plain record: generated methods

        assertTrue(isRecord(customer) && mentions(customer, GENERATED_OBJECT_METHODS),
                "javac compiles a record's own equals through ObjectMethods; if that changed, this check sees nothing");
    }

    private static Stream<Path> classFiles() {
        try {
            return Files.walk(CLASSES).filter(file -> file.toString().endsWith(".class")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRecord(Path classFile) {
        return mentions(classFile, "java/lang/Record");
    }

    private static boolean mentions(Path classFile, String name) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
