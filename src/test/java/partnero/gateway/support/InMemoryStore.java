package partnero.gateway.support;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A store of values by key in a plain map, for unit tests of what uses a store: what is put is kept,
 * nothing expires or is evicted, and the test can look at {@link #kept}. A test gives it the store's
 * interface: {@code class KeptDocuments extends InMemoryStore<String> implements PersistedQueryStore {}}.
 */
public class InMemoryStore<V> {

    public final Map<String, V> kept = new HashMap<>();

    public Optional<V> get(String key) {
        return Optional.ofNullable(kept.get(key));
    }

    public void put(String key, V value) {
        kept.put(key, value);
    }
}
