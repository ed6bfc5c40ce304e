package partnero.gateway.answers;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import io.quarkus.jsonp.JsonProviderHolder;
import io.smallrye.mutiny.Uni;
import partnero.gateway.apikey.ApiKey;
import partnero.gateway.codec.Sha256;
import partnero.gateway.codec.SharedEntries;
import partnero.gateway.config.CacheConfig;
import partnero.gateway.answers.AnswerStore.StoredAnswer;
import partnero.gateway.web.GraphQLRequest;
import partnero.gateway.request.GatewayRequest;
import partnero.gateway.shared.SharedStore;

/**
 * Whole GraphQL answers, kept so that a repeated request is answered with the stored bytes without
 * parsing, validating or executing anything.
 * <ul>
 * <li>The key is one SHA-256 over the fingerprint of the Partnero key the request resolves to, the
 * document's text, the operation name and the variables as canonical JSON (keys sorted): nothing in
 * it is readable, and GET and POST of one request share it.</li>
 * <li>Only complete answers are kept: a query (not introspection) whose answer has data and no
 * error. An answer expires when the oldest Partnero data it was built from would
 * ({@code partnero.cache.ttl} after that data was fetched), so it never outlives its data.</li>
 * <li>On with {@code partnero.answer-cache.enabled} while {@code partnero.cache.enabled}.</li>
 * <li>With the Redis backend, kept there too ({@link SharedStore}), so that a request answered by one
 * replica is a hit on the others; a replica looks there when its own memory has no answer.</li>
 * </ul>
 */
@ApplicationScoped
public class AnswerCache {

    private final AnswerStore store;
    private final SharedStore shared;
    private final boolean enabled;
    private final boolean dataCached;
    private final long ttlMillis;
    private final long staleIfErrorMillis;

    AnswerCache(AnswerStore store, SharedStore shared, CacheConfig cache, AnswerCacheConfig config) {
        this.store = store;
        this.shared = shared;
        this.enabled = cache.enabled() && config.enabled();
        this.dataCached = cache.enabled();
        this.ttlMillis = cache.ttl().toMillis();
        this.staleIfErrorMillis = cache.staleIfError().toMillis();
    }

    /**
     * When an answer built from data fetched at {@code oldestDataMillis} ({@link GatewayRequest#oldestDataMillis()})
     * stops being current: when that data leaves the data cache; now, when nothing is cached.
     */
    public long expiresAt(long oldestDataMillis) {
        long now = System.currentTimeMillis();
        return dataCached ? Math.min(now, oldestDataMillis) + ttlMillis : now;
    }

    /** The request's key; empty when answers are not cached, or the request has no Partnero key. */
    public Optional<String> keyOf(GraphQLRequest request, Optional<ApiKey> partneroKey) {
        if (!enabled || partneroKey.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Sha256.hexOfParts(partneroKey.get().fingerprint(), request.query(),
                request.operationName() == null ? "" : request.operationName(),
                request.variables() == null ? "{}" : canonical(request.variables()).toString()));
    }

    /** The answer kept in this process under {@code key}. */
    public Optional<StoredAnswer> get(String key) {
        return store.get(key);
    }

    /**
     * The answer this process gave under {@code key} that has expired but is within
     * {@code partnero.cache.stale-if-error}: it stands in for a run that failed on Partnero's trouble
     * without stale data to stand in for the failed call (a replica that answered from another's
     * shared answer never fetched that data itself); the answer says so ({@link StaleAnswers}).
     */
    public Optional<StoredAnswer> standIn(String key) {
        long now = System.currentTimeMillis();
        return store.held(key).filter(answer -> answer.expiresAtMillis() <= now && now < answer.expiresAtMillis() + staleIfErrorMillis);
    }

    /** When the oldest data of a kept answer was fetched. */
    public long fetchedAtMillis(StoredAnswer answer) {
        return answer.expiresAtMillis() - ttlMillis;
    }

    /** Whether a missing answer may be in the shared backend ({@link #getShared}). */
    public boolean shared() {
        return shared.enabled();
    }

    /**
     * The answer another replica kept under {@code key}, or null; kept in this process too, until the
     * time it expires anyway (never longer).
     */
    public Uni<StoredAnswer> getShared(String key) {
        return shared.get(shared.keys().answer(key)).map(bytes -> {
            StoredAnswer answer = decode(bytes);
            if (answer == null || answer.expiresAtMillis() <= System.currentTimeMillis()) {
                return null;
            }
            store.put(key, answer);
            return answer;
        });
    }

    /**
     * Keeps a complete answer (a query, not introspection, with data and no error: the engine judges),
     * until the oldest Partnero data it was built from expires.
     *
     * @param oldestDataMillis when that data was fetched ({@link GatewayRequest#oldestDataMillis()};
     *        {@code Long.MAX_VALUE} when the answer used none, which then lives one ttl from now)
     */
    public void keep(String key, String operationName, byte[] body, long oldestDataMillis) {
        long expiresAt = expiresAt(oldestDataMillis);
        long life = expiresAt - System.currentTimeMillis();
        if (life <= 0) {
            return; // built from data already past its ttl (stale-while-revalidate): nothing to keep
        }
        StoredAnswer answer = new StoredAnswer(body, operationName, expiresAt);
        store.put(key, answer);
        if (shared.enabled()) {
            shared.put(shared.keys().answer(key), SharedEntries.answer(answer.expiresAtMillis(), answer.operationName(),
                    answer.body()), life);
        }
    }

    /** An answer in the shared backend ({@link SharedEntries#readAnswer}); null when there is none or it does not read. */
    private StoredAnswer decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            SharedEntries.AnswerEntry entry = SharedEntries.readAnswer(bytes);
            return new StoredAnswer(entry.body(), entry.operationName(), entry.expiresAtMillis());
        } catch (RuntimeException e) {
            shared.unreadable("answer", e);
            return null;
        }
    }

    /** The same value with every object's keys sorted, so that equal variables give equal text. */
    static JsonValue canonical(JsonValue value) {
        if (value instanceof JsonObject object) {
            JsonObjectBuilder sorted = JsonProviderHolder.jsonProvider().createObjectBuilder();
            for (Map.Entry<String, JsonValue> entry : new TreeMap<>(object).entrySet()) {
                sorted.add(entry.getKey(), canonical(entry.getValue()));
            }
            return sorted.build();
        }
        if (value instanceof JsonArray array) {
            JsonArrayBuilder items = JsonProviderHolder.jsonProvider().createArrayBuilder();
            array.forEach(item -> items.add(canonical(item)));
            return items.build();
        }
        return value;
    }

}
