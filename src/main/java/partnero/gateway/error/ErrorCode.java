package partnero.gateway.error;

/**
 * The gateway's error vocabulary: the value of {@code extensions.code} on every error the gateway
 * itself produces. Clients branch on these, so they are part of the public contract.
 */
public enum ErrorCode {
    /** An argument breaks the input rules; nothing was sent upstream. */
    BAD_USER_INPUT,
    /** No API key was available, or Partnero rejected the key (401). */
    UNAUTHENTICATED,
    /** Partnero refused the action for this key (403). */
    FORBIDDEN,
    /** Partnero rate-limited the key (429). */
    RATE_LIMITED,
    /** Partnero did not answer in time. */
    UPSTREAM_TIMEOUT,
    /** Partnero could not be reached, failed (5xx), or the circuit breaker is open. */
    UPSTREAM_UNAVAILABLE,
    /** Partnero answered successfully with a body the gateway cannot read. */
    UPSTREAM_BAD_RESPONSE,
    /** The operation exceeds the depth, alias or upstream-call limits (in a batch: all its operations together). */
    QUERY_TOO_COMPLEX,
    /** A persisted-query hash the gateway does not know: the client sends the document with it (Apollo's protocol). */
    PERSISTED_QUERY_NOT_FOUND,
    /** Persisted queries are off ({@code partnero.persisted-queries.enabled=false}): the client sends documents. */
    PERSISTED_QUERY_NOT_SUPPORTED,
    /** The document sent with a persisted-query hash is not the one the hash names. */
    PERSISTED_QUERY_HASH_MISMATCH,
    /** Only trusted documents run, and this one is not in the manifest. */
    PERSISTED_QUERY_NOT_IN_LIST,
    /** Only documents named by their hash run ({@code partnero.documents.mode=persisted-only}). */
    PERSISTED_QUERY_ID_REQUIRED,
    /** A batch (a JSON array of operations) while batching is off, or with more operations than allowed. */
    BATCH_NOT_ALLOWED
}
