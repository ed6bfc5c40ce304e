package partnero.gateway.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The error table users read, {@code docs/errors.md}, lists exactly the codes of {@link ErrorCode}:
 * a new code without its row, or a row for a code that no longer exists, fails here.
 */
class ErrorTableTest {

    static final Path TABLE = Path.of("docs", "errors.md");
    static final Pattern ROW = Pattern.compile("^\\| `([A-Z_]+)` \\|");

    @Test
    void theTableListsEveryCodeAndNoOther() throws IOException {
        TreeSet<String> documented = new TreeSet<>();
        for (String line : Files.readAllLines(TABLE)) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                documented.add(row.group(1));
            }
        }
        TreeSet<String> codes = new TreeSet<>();
        Arrays.stream(ErrorCode.values()).map(Enum::name).forEach(codes::add);

        assertEquals(codes, documented, "the codes of " + TABLE + " and of ErrorCode");
    }
}
