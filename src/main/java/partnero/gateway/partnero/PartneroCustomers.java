package partnero.gateway.partnero;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import partnero.gateway.apikey.ApiKey;
import partnero.gateway.config.GatewayConfig;

/**
 * Where a request leaves for Partnero: its customer data, cached ({@link DataCache}, one cache per
 * endpoint). An entry is per key fingerprint (never the key) and arguments, so clients with different
 * keys never share one; concurrent identical misses share one call; failures are never cached,
 * "no match" is. Within one GraphQL request, one call is made once ({@link OncePerRequest}). {@code partnero.cache.enabled=false} sends every request to Partnero. The call
 * itself is {@link PartneroClient}'s.
 */
@ApplicationScoped
public class PartneroCustomers {

    static final String PAGES_CACHE = "partnero-customer-pages";
    static final String SEARCH_CACHE = "partnero-customer-search";

    private record PageKey(String keyFingerprint, int page, int limit, String partnerKey, String partnerEmail) {
    }

    private record SearchKey(String keyFingerprint, String email, String id) {
    }

    private final PartneroClient client;
    private final DataCache<PageKey, WireCustomerList> pages;
    private final DataCache<SearchKey, WireCustomer> searches;

    PartneroCustomers(PartneroClient client, GatewayConfig config, MeterRegistry metrics) {
        this.client = client;
        GatewayConfig.Cache cache = config.cache();
        if (cache.enabled()) {
            long maxBytes = cache.maxBytes().asLongValue();
            this.pages = new DataCache<>(PAGES_CACHE, cache.ttl(), maxBytes, cache.maxSize(), WireCustomerList::estimatedBytes, metrics);
            this.searches = new DataCache<>(SEARCH_CACHE, cache.ttl(), maxBytes, cache.maxSize(), WireCustomer::estimatedBytes, metrics);
        } else {
            this.pages = null;
            this.searches = null;
        }
    }

    /** One page of customers, in Partnero's order; filters left out when null. */
    public Uni<WireCustomerList> list(ApiKey key, int page, int limit, String partnerKey, String partnerEmail) {
        PageKey call = new PageKey(key.fingerprint(), page, limit, partnerKey, partnerEmail);
        return OncePerRequest.call(call, () -> pages == null
                ? DataCache.uncached(() -> client.listCustomers(key, page, limit, partnerKey, partnerEmail))
                : pages.get(call, () -> client.listCustomers(key, page, limit, partnerKey, partnerEmail)));
    }

    /** The customer with this email or id (give one), or null. */
    public Uni<WireCustomer> search(ApiKey key, String email, String id) {
        SearchKey call = new SearchKey(key.fingerprint(), email, id);
        return OncePerRequest.call(call, () -> searches == null
                ? DataCache.uncached(() -> client.searchCustomer(key, email, id))
                : searches.get(call, () -> client.searchCustomer(key, email, id)));
    }
}
