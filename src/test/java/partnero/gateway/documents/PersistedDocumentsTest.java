package partnero.gateway.documents;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import partnero.gateway.error.ErrorCode;
import partnero.gateway.config.CacheConfig;
import partnero.gateway.shared.SharedStore;
import partnero.gateway.support.InMemoryStore;
import partnero.gateway.support.TestConfig;

/**
 * The rules of {@link PersistedDocuments} that the HTTP suites do not reach: manifests whose ids are not
 * SHA-256s, which documents count as introspection, and settings that contradict each other.
 */
class PersistedDocumentsTest {

    private static final String PAGE = "query Page { customers(limit: 15) { items { key } } }";
    private static final String PAGE_SHA1 = "0ab27e3e3b7c76c9af00e0aa47e762dcf49e80be"; // its id in the Code Generator manifest

    @Test
    void aManifestIdThatIsNoSha256NamesItsDocumentAloneOrWithIt() {
        PersistedDocuments documents = documents(Map.of("partnero.documents.mode", "trusted",
                "partnero.documents.manifest", "src/test/resources/documents/codegen-persisted-documents.json"));

        assertThat(documents.resolve(null, PAGE_SHA1), equalTo(new PersistedDocuments.Run(PAGE, Optional.empty())));
        assertThat(documents.resolve(PAGE, PAGE_SHA1), equalTo(new PersistedDocuments.Run(PAGE, Optional.empty())));
        assertThat(((PersistedDocuments.Refused) documents.resolve("{ __typename }", PAGE_SHA1)).code(),
                equalTo(ErrorCode.PERSISTED_QUERY_HASH_MISMATCH));
    }

    @Test
    void onlyQueriesOfIntrospectionFieldsAreIntrospection() {
        assertThat(PersistedDocuments.introspectionOnly("query IntrospectionQuery { __schema { types { name } } }"), equalTo(true));
        assertThat(PersistedDocuments.introspectionOnly("{ __type(name: \"Customer\") { name } __typename }"), equalTo(true));
        assertThat(PersistedDocuments.introspectionOnly("{ __typename customers { items { key } } }"), equalTo(false));
        assertThat(PersistedDocuments.introspectionOnly("{ ...F } fragment F on Query { __schema { types { name } } }"), equalTo(false));
        assertThat(PersistedDocuments.introspectionOnly("mutation { __typename }"), equalTo(false));
        assertThat(PersistedDocuments.introspectionOnly("{ __schema { "), equalTo(false));
    }

    @Test
    void introspectionRunsInTrustedModeUnlessTurnedOff() {
        Map<String, String> trusted = Map.of("partnero.documents.mode", "trusted",
                "partnero.documents.manifest", "src/test/resources/documents/apollo-manifest.json");
        assertThat(documents(trusted).resolve("{ __schema { queryType { name } } }", null), instanceOf(PersistedDocuments.Run.class));

        Map<String, String> closed = new HashMap<>(trusted);
        closed.put("partnero.documents.allow-introspection", "false");
        assertThat(((PersistedDocuments.Refused) documents(closed).resolve("{ __schema { queryType { name } } }", null)).code(),
                equalTo(ErrorCode.PERSISTED_QUERY_NOT_IN_LIST));
    }

    @Test
    void settingsThatContradictEachOtherStopTheStart() {
        assertThat(assertThrows(IllegalStateException.class, () -> documents(Map.of("partnero.documents.mode", "persisted-only",
                "partnero.persisted-queries.enabled", "false"))).getMessage(),
                containsString("persisted-only needs partnero.persisted-queries.enabled=true"));
        assertThat(assertThrows(IllegalStateException.class, () -> documents(Map.of("partnero.documents.mode", "trusted")))
                .getMessage(), containsString("trusted needs partnero.documents.manifest"));
    }

    private static PersistedDocuments documents(Map<String, String> settings) {
        return new PersistedDocuments(new KeptDocuments(), new SharedStore(TestConfig.settings(CacheConfig.class, settings), null, new SimpleMeterRegistry()),
                TestConfig.settings(DocumentsConfig.class, settings), TestConfig.settings(CacheConfig.class, settings));
    }

    /** Documents kept in a map: nothing is evicted. */
    static class KeptDocuments extends InMemoryStore<String> implements PersistedQueryStore {
    }
}
