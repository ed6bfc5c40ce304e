package partnero.gateway.documents;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import partnero.gateway.codec.Sha256;
import partnero.gateway.config.CacheConfig;
import partnero.gateway.documents.DocumentsConfig.DocumentsMode;
import partnero.gateway.error.ErrorCode;
import partnero.gateway.shared.SharedStore;

/**
 * Which document a GraphQL request runs, before anything parses it: the one it sent, or the one it
 * names by SHA-256 (Apollo's automatic persisted queries, {@code extensions.persistedQuery}), or
 * none, refused with a code:
 * <ul>
 * <li>{@code partnero.documents.mode=open}: any document; a hash the gateway does not know is
 * {@code PERSISTED_QUERY_NOT_FOUND}, so the client sends the document with it, which is kept
 * ({@link PersistedQueryStore}) once its hash is checked and it has run without a request error.</li>
 * <li>{@code persisted-only}: as {@code open}, but a request must name its document by hash (a CDN
 * can then cache GETs by hash); a document alone is {@code PERSISTED_QUERY_ID_REQUIRED}.</li>
 * <li>{@code trusted}: only the documents of the manifest ({@code partnero.documents.manifest},
 * read at start: a manifest that cannot be read stops the start), by id or by identical text;
 * anything else is {@code PERSISTED_QUERY_NOT_IN_LIST}, and nothing is kept from clients.</li>
 * </ul>
 * In every mode, introspection-only documents run when {@code partnero.documents.allow-introspection}
 * (GraphiQL's Docs pane), and a manifest's documents are known by their ids.
 */
@ApplicationScoped
@Startup // reads the manifest at start, so that a bad one stops the start
public class PersistedDocuments {

    private static final Logger LOG = Logger.getLogger(PersistedDocuments.class);
    private static final Set<String> INTROSPECTION_FIELDS = Set.of("__schema", "__type", "__typename");

    /** What the request runs, or why it runs nothing. */
    public sealed interface Resolution permits Run, Refused {
    }

    /**
     * Run {@code document}; when {@code rememberAs} is present, the client sent it with that hash
     * for the first time: {@link #remember} it once it has run.
     */
    public record Run(String document, Optional<String> rememberAs) implements Resolution {
    }

    /** Nothing runs: the error's code and message; {@code badRequest} when the request contradicts itself (HTTP 400 whatever the media type). */
    public record Refused(ErrorCode code, String message, boolean badRequest) implements Resolution {
    }

    private final PersistedQueryStore store;
    private final SharedStore shared;
    private final long sharedTtlMillis;
    private final DocumentsMode mode;
    private final boolean persistedQueries;
    private final boolean allowIntrospection;
    private final Optional<TrustedManifest> manifest;

    PersistedDocuments(PersistedQueryStore store, SharedStore shared, DocumentsConfig config, CacheConfig cache) {
        this.store = store;
        this.shared = shared;
        this.sharedTtlMillis = cache.redis().persistedQueryTtl().toMillis();
        this.mode = config.documents().mode();
        this.persistedQueries = config.persistedQueries().enabled();
        this.allowIntrospection = config.documents().allowIntrospection();
        if (mode == DocumentsMode.TRUSTED && config.documents().manifest().isEmpty()) {
            throw new IllegalStateException("partnero.documents.mode=trusted needs partnero.documents.manifest: the file of trusted documents");
        }
        if (mode == DocumentsMode.PERSISTED_ONLY && !persistedQueries) {
            throw new IllegalStateException("partnero.documents.mode=persisted-only needs partnero.persisted-queries.enabled=true");
        }
        this.manifest = config.documents().manifest().map(TrustedManifest::read);
        manifest.ifPresent(read -> LOG.infof("%d trusted documents read from %s; documents mode: %s", read.size(),
                config.documents().manifest().get(), mode.name().toLowerCase().replace('_', '-')));
    }

    /**
     * @param document the document text the request carried, or null
     * @param sha256Hash the hash it named (Apollo: the SHA-256 in hex; a manifest's own id), or null
     */
    public Resolution resolve(String document, String sha256Hash) {
        if (sha256Hash != null) {
            return byHash(document, sha256Hash);
        }
        if (mode == DocumentsMode.OPEN || mode == DocumentsMode.TRUSTED && manifest.get().contains(document)
                || introspectionAllowed(document)) {
            return new Run(document, Optional.empty());
        }
        if (mode == DocumentsMode.TRUSTED) {
            return notInList();
        }
        return new Refused(ErrorCode.PERSISTED_QUERY_ID_REQUIRED, "This gateway runs only persisted queries: send the"
                + " document's SHA-256 in extensions.persistedQuery (Apollo Client: createPersistedQueryLink)", false);
    }

    /** Keeps a document that a client sent with its hash and that has run, here and for the other replicas. */
    public void remember(String sha256Hash, String document) {
        store.put(sha256Hash, document);
        shared.put(shared.keys().document(sha256Hash), document.getBytes(StandardCharsets.UTF_8), sharedTtlMillis);
    }

    /**
     * Whether another replica kept the document named {@code sha256Hash} ({@link #remember}); if so, it is
     * kept here too and {@link #resolve} finds it. Always false without a shared backend. A value
     * whose SHA-256 is not the hash is not a document this gateway wrote, and is ignored.
     */
    public Uni<Boolean> recall(String sha256Hash) {
        if (!shared.enabled() || !persistedQueries || sha256Hash == null) {
            return Uni.createFrom().item(Boolean.FALSE);
        }
        String hash = sha256Hash.toLowerCase(Locale.ROOT);
        return shared.get(shared.keys().document(hash)).map(bytes -> {
            String document = bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
            if (document == null || !sha256(document).equals(hash)) {
                if (document != null) {
                    shared.unreadable("document", new IllegalArgumentException("its SHA-256 is not its key's"));
                }
                return false;
            }
            store.put(sha256Hash, document);
            return true;
        });
    }

    private Resolution byHash(String document, String hash) {
        Optional<String> trusted = manifest.flatMap(read -> read.byId(hash));
        if (trusted.isPresent()) { // a manifest's id need not be a SHA-256 (GraphQL Code Generator may use SHA-1)
            return document == null || document.equals(trusted.get()) ? new Run(trusted.get(), Optional.empty()) : mismatch();
        }
        if (document != null && !sha256(document).equalsIgnoreCase(hash)) {
            return mismatch();
        }
        if (mode == DocumentsMode.TRUSTED) {
            return notInList();
        }
        if (!persistedQueries) {
            // Apollo's protocol: the client stops sending hashes and sends documents alone
            return new Refused(ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED, "PersistedQueryNotSupported", false);
        }
        if (document != null) {
            return new Run(document, Optional.of(hash));
        }
        return store.get(hash).<Resolution> map(known -> new Run(known, Optional.empty()))
                // Apollo's protocol: the message and the code Apollo Client looks for, to send the document
                .orElseGet(() -> new Refused(ErrorCode.PERSISTED_QUERY_NOT_FOUND, "PersistedQueryNotFound", false));
    }

    /** Parses only a document that may be introspection: any other is refused unparsed. */
    private boolean introspectionAllowed(String document) {
        return allowIntrospection && document.contains("__") && introspectionOnly(document);
    }

    /** Whether every operation of {@code document} is a query of introspection fields only. */
    static boolean introspectionOnly(String document) {
        Document parsed;
        try {
            parsed = Parser.parse(document);
        } catch (InvalidSyntaxException e) { // also too many tokens or too deep
            return false;
        }
        boolean any = false;
        for (OperationDefinition operation : parsed.getDefinitionsOfType(OperationDefinition.class)) {
            if (operation.getOperation() != OperationDefinition.Operation.QUERY) {
                return false;
            }
            for (var selection : operation.getSelectionSet().getSelections()) {
                if (!(selection instanceof Field field) || !INTROSPECTION_FIELDS.contains(field.getName())) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static Refused mismatch() {
        return new Refused(ErrorCode.PERSISTED_QUERY_HASH_MISMATCH, "The document is not the one the persisted query hash sent with it names", true);
    }

    private static Refused notInList() {
        return new Refused(ErrorCode.PERSISTED_QUERY_NOT_IN_LIST,
                "This gateway runs only trusted documents, and this one is not among them", false);
    }

    static String sha256(String document) {
        return Sha256.hex(document);
    }
}
