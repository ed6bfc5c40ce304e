package partnero.gateway.documents;

import java.util.Optional;

/**
 * Where documents sent once with their SHA-256 are kept, by that hash. In-process today
 * ({@link CaffeinePersistedQueryStore}); the seam for a store shared by replicas.
 */
public interface PersistedQueryStore {

    /** The document whose SHA-256 (64 lower-case hex digits) is {@code hash}, unless it is not kept. */
    Optional<String> get(String hash);

    /** Keeps {@code document} under its {@code hash} until the store needs the room. */
    void put(String hash, String document);
}
