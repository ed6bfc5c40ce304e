package partnero.gateway.answers;

import java.util.Optional;

/**
 * Where whole GraphQL answers are kept between requests, by a key that holds nothing in clear text
 * ({@link AnswerCache#keyOf}). In-process today ({@link CaffeineAnswerStore}); the seam for a store
 * shared by replicas.
 */
public interface AnswerStore {

    /** A stored answer: the response body's bytes, the operation's name for the log line, and when it expires. */
    record StoredAnswer(byte[] body, String operationName, long expiresAtMillis) {
    }

    /** The answer stored under {@code key}, unless there is none or it has expired. */
    Optional<StoredAnswer> get(String key);

    /** The answer stored under {@code key}, expired or not, while the store still holds it. */
    Optional<StoredAnswer> held(String key);

    /** Keeps {@code answer} under {@code key} until it expires (and its stale-if-error window ends) or the store needs the room. */
    void put(String key, StoredAnswer answer);
}
