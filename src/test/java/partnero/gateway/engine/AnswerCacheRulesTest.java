package partnero.gateway.engine;

import static io.quarkus.jsonp.JsonProviderHolder.jsonProvider;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import partnero.gateway.apikey.ApiKey;
import partnero.gateway.shared.SharedStore;
import partnero.gateway.support.InMemoryStore;
import partnero.gateway.support.TestConfig;

/** What the answer cache keys on, what it keeps, and for how long; the store is a map here. */
class AnswerCacheRulesTest {

    private static final Optional<ApiKey> KEY_A = Optional.of(ApiKey.of("key-a"));
    private static final Optional<ApiKey> KEY_B = Optional.of(ApiKey.of("key-b"));
    private static final String QUERY = "query Page($page: Int, $limit: Int) { customers(page: $page, limit: $limit) { items { key } } }";
    private static final ExecutionResult COMPLETE = ExecutionResultImpl.newExecutionResult().data(Map.of("customers", Map.of())).build();

    private final KeptAnswers store = new KeptAnswers();
    private final Map<String, AnswerStore.StoredAnswer> stored = store.kept;
    private final AnswerCache answers = new AnswerCache(store, memoryOnly(), TestConfig.gatewayConfig(Map.of("partnero.cache.ttl", "30s")));

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
        AnswerCache dataCacheOff = new AnswerCache(store, memoryOnly(), TestConfig.gatewayConfig(Map.of("partnero.cache.enabled", "false")));
        assertEquals(Optional.empty(), dataCacheOff.keyOf(request(null, null), KEY_A));
        AnswerCache answerCacheOff = new AnswerCache(store, memoryOnly(), TestConfig.gatewayConfig(Map.of("partnero.answer-cache.enabled", "false")));
        assertEquals(Optional.empty(), answerCacheOff.keyOf(request(null, null), KEY_A));
    }

    @Test
    void anAnswerExpiresWhenTheOldestDataItWasBuiltFromExpires() {
        long fetched = System.currentTimeMillis() - 20_000;

        answers.keepIfComplete("k", new RequestFacts(true, "Page"), COMPLETE, new byte[] { 1 }, fetched);

        assertEquals(fetched + 30_000, stored.get("k").expiresAtMillis());
        assertEquals("Page", stored.get("k").operationName());
    }

    @Test
    void anAnswerBuiltFromNoPartneroDataLivesOneTtl() {
        long before = System.currentTimeMillis();

        answers.keepIfComplete("k", new RequestFacts(true, "anonymous"), COMPLETE, new byte[] { 1 }, Long.MAX_VALUE);

        long expires = stored.get("k").expiresAtMillis();
        assertTrue(expires >= before + 30_000 && expires <= System.currentTimeMillis() + 30_000, String.valueOf(expires - before));
    }

    @Test
    void errorsPartialAnswersAndIntrospectionAreNotKept() {
        ExecutionResult failed = ExecutionResultImpl.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError().message("no").build()).build();
        ExecutionResult partial = ExecutionResultImpl.newExecutionResult().data(Map.of("customers", Map.of()))
                .addErrors(List.of(GraphqlErrorBuilder.newError().message("half").build())).build();

        answers.keepIfComplete("failed", new RequestFacts(true, "A"), failed, new byte[0], Long.MAX_VALUE);
        answers.keepIfComplete("partial", new RequestFacts(true, "A"), partial, new byte[0], Long.MAX_VALUE);
        answers.keepIfComplete("introspection", new RequestFacts(false, "A"), COMPLETE, new byte[0], Long.MAX_VALUE);

        assertEquals(Map.of(), stored);
    }

    private static GraphQLRequest request(String variables, String operationName) {
        return new GraphQLRequest(QUERY, operationName, variables == null ? null : json(variables), null);
    }

    private static JsonObject json(String text) {
        return jsonProvider().createReader(new StringReader(text)).readObject();
    }

    private static SharedStore memoryOnly() {
        return new SharedStore(TestConfig.gatewayConfig(Map.of()), null, new SimpleMeterRegistry());
    }

    /** Answers kept in a map: nothing expires or is evicted. */
    static class KeptAnswers extends InMemoryStore<AnswerStore.StoredAnswer> implements AnswerStore {
    }
}
