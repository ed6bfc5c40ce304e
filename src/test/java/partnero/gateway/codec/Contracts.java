package partnero.gateway.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The golden files under {@code src/test/resources/contracts/}: "name TAB value" lines, {@code #} comments. */
final class Contracts {

    private Contracts() {
    }

    static Map<String, String> read(String file) {
        try (InputStream in = Contracts.class.getResourceAsStream("/contracts/" + file)) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] nameAndValue = line.split("\t", 2);
                    values.put(nameAndValue[0], nameAndValue[1]);
                }
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
