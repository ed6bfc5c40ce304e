package partnero.gateway.documents;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static partnero.gateway.support.Queries.FIND;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two manifest formats web build tools write, and manifests that must stop the start with a clear message. */
class TrustedManifestTest {

    private static final String PAGE = "query Page { customers(limit: 15) { items { key } } }";

    @Test
    void apollosManifestIsReadByIdAndByText() {
        TrustedManifest manifest = TrustedManifest.read(Path.of("src/test/resources/documents/apollo-manifest.json"));

        assertThat(manifest.size(), equalTo(2));
        assertThat(manifest.byId("4e3d74bbedf96806aee28bc24ec20198f16a0399dd03592117269209e6b01962"), equalTo(Optional.of(FIND)));
        assertThat(manifest.contains(PAGE), equalTo(true));
        assertThat(manifest.contains(PAGE + " "), equalTo(false));
    }

    @Test
    void graphqlCodeGeneratorsPersistedDocumentsAreReadWhateverTheirIds() {
        TrustedManifest manifest = TrustedManifest.read(Path.of("src/test/resources/documents/codegen-persisted-documents.json"));

        assertThat(manifest.byId("0ab27e3e3b7c76c9af00e0aa47e762dcf49e80be"), equalTo(Optional.of(PAGE))); // a SHA-1 id
        assertThat(manifest.contains(FIND), equalTo(true));
    }

    @Test
    void aManifestThatCannotBeUsedSaysWhyAndWhere(@TempDir Path folder) throws Exception {
        assertThat(refused(Path.of("src/test/resources/documents/not-a-manifest.json")).getMessage(),
                containsString("not-a-manifest.json is not one this gateway reads (Apollo's persisted-query manifest or a {\"hash\": \"document\"} map): the operation without a name has no 'body'"));
        assertThat(refused(folder.resolve("missing.json")).getMessage(), containsString("missing.json cannot be read"));
        assertThat(refused(write(folder, "[1, 2]")).getMessage(), containsString("it must be a JSON object"));
        assertThat(refused(write(folder, "{\"a\": ")).getMessage(), containsString("is not JSON"));
        assertThat(refused(write(folder, "{}")).getMessage(), containsString("it holds no document"));
        assertThat(refused(write(folder, "{\"a\": 1}")).getMessage(), containsString("the document of 'a' must be a non-empty string"));
    }

    private static IllegalArgumentException refused(Path file) {
        return assertThrows(IllegalArgumentException.class, () -> TrustedManifest.read(file));
    }

    private static Path write(Path folder, String json) throws Exception {
        return Files.writeString(Files.createTempFile(folder, "manifest", ".json"), json);
    }
}
