package partnero.gateway.apikey;

import partnero.gateway.codec.Sha256;

/**
 * A Partnero API key. The secret leaves this record only as the {@code Authorization} header value
 * sent to Partnero; everything else (cache keys, logs, {@link #toString()}) sees the fingerprint.
 */
public final class ApiKey {

    private final String secret;
    private final String fingerprint;

    private ApiKey(String secret) {
        this.secret = secret;
        this.fingerprint = sha256Prefix(secret);
    }

    /** A key from its secret; blank secrets are not keys. */
    public static ApiKey of(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("an API key must not be blank");
        }
        return new ApiKey(secret.strip());
    }

    /** The value of the {@code Authorization} header Partnero expects. */
    public String bearerHeader() {
        return "Bearer " + secret;
    }

    /** A short, stable, one-way identity of the key: the first 16 hex digits of its SHA-256. */
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey key && key.secret.equals(secret);
    }

    @Override
    public int hashCode() {
        return secret.hashCode();
    }

    @Override
    public String toString() {
        return "ApiKey[" + fingerprint + "]";
    }

    private static String sha256Prefix(String secret) {
        return Sha256.hex(secret).substring(0, 16);
    }
}
