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
    /** The operation exceeds the depth, alias or upstream-call limits. */
    QUERY_TOO_COMPLEX
}
