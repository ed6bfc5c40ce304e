package partnero.gateway.answers;

import static io.quarkus.jsonp.JsonProviderHolder.jsonProvider;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import partnero.gateway.apikey.ApiKey;
import partnero.gateway.config.CacheConfig;
import partnero.gateway.shared.SharedStore;
import partnero.gateway.support.InMemoryStore;
import partnero.gateway.support.TestConfig;
import partnero.gateway.web.GraphQLRequest;

/** What the answer cache keys on, and how long it keeps an answer; the store is a map here. What is complete enough to keep: {@code engine.RequestFactsTest}. */
class AnswerCacheRulesTest {

    private static final Optional<ApiKey> KEY_A = Optional.of(ApiKey.of("key-a"));
    private static final Optional<ApiKey> KEY_B = Optional.of(ApiKey.of("key-b"));
    private static final String QUERY = "query Page($page: Int, $limit: Int) { customers(page: $page, limit: $limit) { items { key } } }";

    private final KeptAnswers store = new KeptAnswers();
    private final Map<String, AnswerStore.StoredAnswer> stored = store.kept;
    private final AnswerCache answers = new AnswerCache(store, memoryOnly(), TestConfig.settings(CacheConfig.class, Map.of("partnero.cache.ttl", "30s")),
            TestConfig.settings(AnswerCacheConfig.class, Map.of()));

    @Test
    void theKeyHoldsNothingReadable() {
        String key = answers.keyOf(request("{\"email\": \"alice@example.com\"}", null), KEY_A).orElseThrow();

        assertTrue(key.matches("[0-9a-f]{64}"), key);
    }

    @Test
    void equalVariablesWrittenInAnotherOrderShareAKey() {
        assertEquals(answers.keyOf(request("{\"page\": 1, \"limit\": 2, \"f\": {\"a\": 1, \"b\": [1, {\"y\": 2, \"x\": 1}]}}", null), KEY_A),
                answers.keyOf(request("{\"f\": {\"b\": [1, {\"x\": 1, \"y\": 2}], \"a\": 1}, \"limit\": 2, \"page\": 1}", null), KEY_A));
    }

    @Test
    void theClientKeyTheVariablesTheOperationNameAndTheDocumentAreEachPartOfTheKey() {
        Optional<String> key = answers.keyOf(request("{\"page\": 1}", null), KEY_A);

        assertNotEquals(key, answers.keyOf(request("{\"page\": 1}", null), KEY_B));
        assertNotEquals(key, answers.keyOf(request("{\"page\": 2}", null), KEY_A));
        assertNotEquals(key, answers.keyOf(request("{\"page\": 1}", "Page"), KEY_A));
        assertNotEquals(key, answers.keyOf(new GraphQLRequest(QUERY + " ", null, json("{\"page\": 1}"), null), KEY_A));
        assertNotEquals(answers.keyOf(request(null, null), KEY_A), answers.keyOf(request("{}", "Page"), KEY_A));
    }

    @Test
    void nothingIsKeptWithoutAPartneroKeyOrWhenCachingIsOff() {
        assertEquals(Optional.empty(), answers.keyOf(request(null, null), Optional.empty()));
        AnswerCache dataCacheOff = new AnswerCache(store, memoryOnly(), TestConfig.settings(CacheConfig.class, Map.of("partnero.cache.enabled", "false")), TestConfig.settings(AnswerCacheConfig.class, Map.of()));
        assertEquals(Optional.empty(), dataCacheOff.keyOf(request(null, null), KEY_A));
        AnswerCache answerCacheOff = new AnswerCache(store, memoryOnly(), TestConfig.settings(CacheConfig.class, Map.of()), TestConfig.settings(AnswerCacheConfig.class, Map.of("partnero.answer-cache.enabled", "false")));
        assertEquals(Optional.empty(), answerCacheOff.keyOf(request(null, null), KEY_A));
    }

    @Test
    void anAnswerExpiresWhenTheOldestDataItWasBuiltFromExpires() {
        long fetched = System.currentTimeMillis() - 20_000;

        answers.keep("k", "Page", new byte[] { 1 }, fetched);

        assertEquals(fetched + 30_000, stored.get("k").expiresAtMillis());
        assertEquals("Page", stored.get("k").operationName());
    }

    @Test
    void anAnswerBuiltFromNoPartneroDataLivesOneTtl() {
        long before = System.currentTimeMillis();

        answers.keep("k", "anonymous", new byte[] { 1 }, Long.MAX_VALUE);

        long expires = stored.get("k").expiresAtMillis();
        assertTrue(expires >= before + 30_000 && expires <= System.currentTimeMillis() + 30_000, String.valueOf(expires - before));
    }

    @Test
    void anExpiredAnswerStandsInOnlyWithinStaleIfError() {
        AnswerCache withStaleIfError = new AnswerCache(store, memoryOnly(), TestConfig.settings(CacheConfig.class,
                Map.of("partnero.cache.ttl", "30s", "partnero.cache.stale-if-error", "60s")), TestConfig.settings(AnswerCacheConfig.class, Map.of()));
        long now = System.currentTimeMillis();
        stored.put("fresh", new AnswerStore.StoredAnswer(new byte[] { 1 }, "Page", now + 10_000));
        stored.put("expired", new AnswerStore.StoredAnswer(new byte[] { 2 }, "Page", now - 10_000));
        stored.put("too-old", new AnswerStore.StoredAnswer(new byte[] { 3 }, "Page", now - 61_000));

        assertEquals(Optional.empty(), withStaleIfError.standIn("fresh"), "a fresh answer is answered, not stood in");
        assertEquals(2, withStaleIfError.standIn("expired").orElseThrow().body()[0]);
        assertEquals(now - 40_000, withStaleIfError.fetchedAtMillis(stored.get("expired")), "its data was fetched one ttl before it expired");
        assertEquals(Optional.empty(), withStaleIfError.standIn("too-old"));
        assertEquals(Optional.empty(), answers.standIn("expired"), "stale-if-error off: nothing stands in");
    }

    private static GraphQLRequest request(String variables, String operationName) {
        return new GraphQLRequest(QUERY, operationName, variables == null ? null : json(variables), null);
    }

    private static JsonObject json(String text) {
        return jsonProvider().createReader(new StringReader(text)).readObject();
    }

    private static SharedStore memoryOnly() {
        return new SharedStore(TestConfig.settings(CacheConfig.class, Map.of()), null, new SimpleMeterRegistry());
    }

    /** Answers kept in a map: nothing expires or is evicted. */
    static class KeptAnswers extends InMemoryStore<AnswerStore.StoredAnswer> implements AnswerStore {
        @Override
        public Optional<StoredAnswer> held(String key) {
            return get(key);
        }
    }
}
