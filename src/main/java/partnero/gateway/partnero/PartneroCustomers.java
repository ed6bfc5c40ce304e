package partnero.gateway.partnero;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import partnero.gateway.apikey.ApiKey;

/**
 * Where a request leaves for Partnero: its customer data, cached (Quarkus Cache, Caffeine). An entry
 * is per key fingerprint and arguments ({@link CustomerCacheKeys}); concurrent identical misses share
 * one call; failures are never cached, "no match" is. The call itself is {@link PartneroClient}'s.
 */
@ApplicationScoped
public class PartneroCustomers {

    static final String PAGES_CACHE = "partnero-customer-pages";
    static final String SEARCH_CACHE = "partnero-customer-search";
    /** Longer than any deadline a sane configuration sets: waiters then call Partnero themselves. */
    static final long CACHE_LOCK_TIMEOUT_MS = 15_000;

    private final PartneroClient client;

    PartneroCustomers(PartneroClient client) {
        this.client = client;
    }

    /** One page of customers, in Partnero's order; filters left out when null. */
    @CacheResult(cacheName = PAGES_CACHE, keyGenerator = CustomerCacheKeys.class, lockTimeout = CACHE_LOCK_TIMEOUT_MS)
    public Uni<WireCustomerList> list(ApiKey key, int page, int limit, String partnerKey, String partnerEmail) {
        return client.listCustomers(key, page, limit, partnerKey, partnerEmail);
    }

    /** The customer with this email or id (give one), or null. */
    @CacheResult(cacheName = SEARCH_CACHE, keyGenerator = CustomerCacheKeys.class, lockTimeout = CACHE_LOCK_TIMEOUT_MS)
    public Uni<WireCustomer> search(ApiKey key, String email, String id) {
        return client.searchCustomer(key, email, id);
    }
}
