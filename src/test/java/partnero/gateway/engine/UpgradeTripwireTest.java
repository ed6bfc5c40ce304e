package partnero.gateway.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * Fails when Quarkus or SmallRye GraphQL is upgraded, on purpose: the engine room replaces or
 * patches what these versions do, and {@code engine/package-info.java} lists, piece by piece, what to
 * re-check (each piece also has a guard test that fails when what it relies on changes). Once that
 * list is gone through, the versions here are the new ones.
 */
class UpgradeTripwireTest {

    static final String CHECKED_QUARKUS = "3.33.2";
    static final String CHECKED_SMALLRYE_GRAPHQL = "2.17.0";
    static final String RECHECK = "; go through the re-check list in src/main/java/partnero/gateway/engine/package-info.java,"
            + " then set the version this test expects";

    @Test
    void quarkusIsTheVersionTheEngineRoomWasCheckedAgainst() {
        assertEquals(CHECKED_QUARKUS, version("io.quarkus", "quarkus-core"), "Quarkus was upgraded" + RECHECK);
    }

    @Test
    void smallRyeGraphQLIsTheVersionTheEngineRoomWasCheckedAgainst() {
        assertEquals(CHECKED_SMALLRYE_GRAPHQL, version("io.smallrye", "smallrye-graphql"), "SmallRye GraphQL was upgraded" + RECHECK);
    }

    /** The version in a jar's Maven metadata, as its build wrote it. */
    private static String version(String group, String artifact) {
        String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = UpgradeTripwireTest.class.getResourceAsStream(path)) {
            if (in == null) {
                return "unknown (" + path + " is not on the class path)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
