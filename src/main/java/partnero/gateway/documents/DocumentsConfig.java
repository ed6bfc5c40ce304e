package partnero.gateway.documents;

import java.nio.file.Path;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which documents the gateway runs, and automatic persisted queries. Listed in docs/configuration.md.
 */
@ConfigMapping(prefix = "partnero")
public interface DocumentsConfig {

    /** Automatic persisted queries: documents sent once, then named by their SHA-256. */
    PersistedQueries persistedQueries();

    /** Which documents the gateway runs at all. */
    Documents documents();

    interface PersistedQueries {
        /** Whether clients may name a document by its SHA-256 (Apollo's automatic persisted queries). */
        @WithDefault("true")
        boolean enabled();

        /** Most documents kept. */
        @WithDefault("10000")
        long maxSize();

        /** Most memory the kept documents hold. */
        @WithDefault("8M")
        MemorySize maxBytes();
    }

    interface Documents {
        /** {@code open}: any document; {@code persisted-only}: every request names its document by hash; {@code trusted}: only the manifest's documents. */
        @WithDefault("open")
        DocumentsMode mode();

        /** The trusted documents: an Apollo persisted-query manifest or a GraphQL Code Generator {@code persisted-documents.json}; required in {@code trusted} mode. */
        Optional<Path> manifest();

        /** Whether introspection-only documents ({@code __schema}, {@code __type}, {@code __typename}) run in every mode, so that GraphiQL can show the schema. */
        @WithDefault("true")
        boolean allowIntrospection();
    }

    /** The values of {@code partnero.documents.mode}. */
    enum DocumentsMode {
        OPEN,
        PERSISTED_ONLY,
        TRUSTED
    }
}
