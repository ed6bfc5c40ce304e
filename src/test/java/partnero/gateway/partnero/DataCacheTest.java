package partnero.gateway.partnero;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;

/** The data cache's two bounds: the memory its entries hold, and their number. */
class DataCacheTest {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void heavyEntriesAreEvictedToStayWithinTheByteBound() {
        DataCache<Integer, String> cache = new DataCache<>("heavy", Duration.ofMinutes(1), 10_000, 1_000, String::length, metrics);

        for (int key = 0; key < 50; key++) {
            get(cache, key, "x".repeat(1_000)); // 50 entries of 1 000: five times the bound
        }

        assertTrue(metrics.get("cache.size").tag("cache", "heavy").gauge().value() <= 10,
                "entries left: " + metrics.get("cache.size").tag("cache", "heavy").gauge().value());
    }

    @Test
    void lightEntriesAreBoundedByTheirNumber() {
        DataCache<Integer, String> cache = new DataCache<>("light", Duration.ofMinutes(1), 1_000_000, 20, String::length, metrics);

        for (int key = 0; key < 100; key++) {
            get(cache, key, "x");
        }

        assertTrue(metrics.get("cache.size").tag("cache", "light").gauge().value() <= 20);
    }

    @Test
    void aKeptEntryIsServedWithoutLoadingAgainAndNoMatchIsKeptToo() {
        DataCache<Integer, String> cache = new DataCache<>("kept", Duration.ofMinutes(1), 1_000_000, 100, value -> 1, metrics);

        assertEquals("a", get(cache, 1, "a"));
        assertEquals("a", get(cache, 1, "b"));
        assertEquals(null, get(cache, 2, null));
        assertEquals(null, get(cache, 2, "c"));
        assertEquals(2, loads.get());
    }

    @Test
    void aFailureIsNotKept() {
        DataCache<Integer, String> cache = new DataCache<>("failing", Duration.ofMinutes(1), 1_000_000, 100, value -> 1, metrics);

        cache.get(1, () -> Uni.createFrom().failure(new IllegalStateException("down")))
                .subscribe().withSubscriber(io.smallrye.mutiny.helpers.test.UniAssertSubscriber.create()).awaitFailure(PATIENCE);

        assertEquals("a", get(cache, 1, "a"));
    }

    private String get(DataCache<Integer, String> cache, int key, String value) {
        String answer = cache.get(key, () -> {
            loads.incrementAndGet();
            return Uni.createFrom().item(value);
        }).await().atMost(PATIENCE);
        cache.cleanUp();
        return answer;
    }
}
