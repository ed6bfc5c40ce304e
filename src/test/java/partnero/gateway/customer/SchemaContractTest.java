package partnero.gateway.customer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The printed schema ({@code GET /graphql/schema.graphql}) is the API's contract, committed as
 * {@code src/test/resources/contracts/schema.graphql}: every change of the schema shows as a diff of
 * that file. When this fails on purpose, the schema the gateway printed is in
 * {@code target/schema.graphql}; copy it over the committed one.
 */
@QuarkusTest
class SchemaContractTest {

    static final Path PRINTED = Path.of("target", "schema.graphql");

    @Test
    void thePrintedSchemaIsTheCommittedContract() throws IOException {
        String printed = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        Files.writeString(PRINTED, printed, StandardCharsets.UTF_8);

        assertEquals(committed(), printed, "the schema changed; if on purpose: cp " + PRINTED + " src/test/resources/contracts/schema.graphql");
    }

    private static String committed() {
        try (InputStream in = SchemaContractTest.class.getResourceAsStream("/contracts/schema.graphql")) {
            return in == null ? "(no committed schema)" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
