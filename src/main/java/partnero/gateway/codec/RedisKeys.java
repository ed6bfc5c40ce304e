package partnero.gateway.codec;

import java.util.Locale;

/**
 * Every key the gateway writes in Redis, one method a kind: {@code <prefix><kind>:<SHA-256 of its parts>}
 * ({@link Sha256#hexOfParts}, a null part written as {@code "\u0000null"}), so that nothing in a key
 * is readable (no API key, no email). Replicas of two versions read each other's keys: a change here
 * is a change of contract, which {@code RedisKeysTest} pins against {@code contracts/redis-keys.txt}.
 */
public final class RedisKeys {

    private final String prefix;

    /** @param prefix {@code partnero.cache.redis.prefix} */
    public RedisKeys(String prefix) {
        this.prefix = prefix;
    }

    /** A page of customers in the data cache. */
    public String page(String keyFingerprint, int page, int limit, String partnerKey, String partnerEmail) {
        return key("pages", keyFingerprint, Integer.toString(page), Integer.toString(limit), partnerKey, partnerEmail);
    }

    /** The claim of one replica to refresh a page of customers. */
    public String pageRefresh(String keyFingerprint, int page, int limit, String partnerKey, String partnerEmail) {
        return key("pages:refresh", keyFingerprint, Integer.toString(page), Integer.toString(limit), partnerKey, partnerEmail);
    }

    /** A customer search in the data cache. */
    public String search(String keyFingerprint, String email, String id) {
        return key("search", keyFingerprint, email, id);
    }

    /** The claim of one replica to refresh a customer search. */
    public String searchRefresh(String keyFingerprint, String email, String id) {
        return key("search:refresh", keyFingerprint, email, id);
    }

    /**
     * An answer of one of the graph's endpoints in the data cache: {@code kind} names the endpoint
     * ({@code customer}, {@code partner}, {@code transaction} with the object's key or id;
     * {@code partners}, {@code transactions} with page, limit and filters): {@code parts} are the API
     * key's fingerprint, then the arguments in the endpoint's order.
     */
    public String graph(String kind, String... parts) {
        return key(kind, parts);
    }

    /** The claim of one replica to refresh an answer of one of the graph's endpoints. */
    public String graphRefresh(String kind, String... parts) {
        return key(kind + ":refresh", parts);
    }

    /** A whole GraphQL answer, under its answer-cache key (itself a SHA-256). */
    public String answer(String answerKey) {
        return key("answer", answerKey);
    }

    /** A persisted document, under its SHA-256 (either case). */
    public String document(String sha256Hash) {
        return key("document", sha256Hash.toLowerCase(Locale.ROOT));
    }

    /** The rate-limit bucket of one API key fingerprint. */
    public String rate(String keyFingerprint) {
        return key("rate", keyFingerprint);
    }

    private String key(String kind, String... parts) {
        String[] written = new String[parts.length];
        for (int i = 0; i < parts.length; i++) {
            written[i] = parts[i] == null ? "\u0000null" : parts[i];
        }
        return prefix + kind + ":" + Sha256.hexOfParts(written);
    }
}
