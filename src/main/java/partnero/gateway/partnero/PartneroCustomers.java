package partnero.gateway.partnero;

import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import partnero.gateway.apikey.ApiKey;
import partnero.gateway.config.CacheConfig;
import partnero.gateway.error.InternalFailures;
import partnero.gateway.request.GatewayRequest;
import partnero.gateway.shared.SharedStore;

/**
 * Where a request leaves for Partnero: its customer data, cached ({@link DataCache}, one cache per
 * endpoint). An entry is per key fingerprint (never the key) and arguments, so clients with different
 * keys never share one; concurrent identical misses share one call; failures are never cached,
 * "no match" is. Within one GraphQL request, one call is made once ({@link GatewayRequest#once}).
 * {@code partnero.cache.enabled=false} sends every request to Partnero. The call itself is
 * {@link PartneroClient}'s.
 */
@ApplicationScoped
public class PartneroCustomers {

    static final String PAGES_CACHE = "partnero-customer-pages";
    static final String SEARCH_CACHE = "partnero-customer-search";

    // Cache keys write equals and hashCode out: a record's own run through method handles, which the
    // native executable interprets (17-19 % of an engine run's CPU with CompiledPlans.PlanKey;
    // docs/performance.md, "Where the time goes"). RecordKeysTest holds every key record to it.

    private record PageKey(String keyFingerprint, int page, int limit, String partnerKey, String partnerEmail) {
        @Override
        public boolean equals(Object other) {
            return other instanceof PageKey key && page == key.page && limit == key.limit && keyFingerprint.equals(key.keyFingerprint)
                    && Objects.equals(partnerKey, key.partnerKey) && Objects.equals(partnerEmail, key.partnerEmail);
        }

        @Override
        public int hashCode() {
            return ((keyFingerprint.hashCode() * 31 + page) * 31 + limit) * 31 + Objects.hashCode(partnerKey) * 17
                    + Objects.hashCode(partnerEmail);
        }

        @Override
        public String toString() {
            return "PageKey[" + keyFingerprint + ", page " + page + ", limit " + limit + "]";
        }
    }

    private record SearchKey(String keyFingerprint, String email, String id) {
        @Override
        public boolean equals(Object other) {
            return other instanceof SearchKey key && keyFingerprint.equals(key.keyFingerprint) && Objects.equals(email, key.email)
                    && Objects.equals(id, key.id);
        }

        @Override
        public int hashCode() {
            return (keyFingerprint.hashCode() * 31 + Objects.hashCode(email)) * 31 + Objects.hashCode(id);
        }

        @Override
        public String toString() {
            return "SearchKey[" + keyFingerprint + "]";
        }
    }

    private final PartneroClient client;
    private final KeyRateLimits limits;
    private final int maxUnderWay;
    private final DataCache<PageKey, WireCustomerList> pages;
    private final DataCache<SearchKey, WireCustomer> searches;

    PartneroCustomers(PartneroClient client, KeyRateLimits limits, SharedStore shared, ObjectMapper json, CallConfig call, CacheConfig cache,
            InternalFailures internal, MeterRegistry metrics) {
        this.client = client;
        this.limits = limits;
        this.maxUnderWay = call.nested().maxConcurrency();
        DataCaches caches = new DataCaches(cache, shared, json, call, internal, metrics);
        this.pages = caches.of(PAGES_CACHE, WireCustomerList::estimatedBytes,
                new DataCache.Sharing<>(shared, "pages",
                        k -> shared.keys().page(k.keyFingerprint(), k.page(), k.limit(), k.partnerKey(), k.partnerEmail()),
                        k -> shared.keys().pageRefresh(k.keyFingerprint(), k.page(), k.limit(), k.partnerKey(), k.partnerEmail()),
                        json, json.constructType(WireCustomerList.class), WireCustomerList::readable, call.deadline()));
        this.searches = caches.of(SEARCH_CACHE, WireCustomer::estimatedBytes,
                new DataCache.Sharing<>(shared, "search", k -> shared.keys().search(k.keyFingerprint(), k.email(), k.id()),
                        k -> shared.keys().searchRefresh(k.keyFingerprint(), k.email(), k.id()), json,
                        json.constructType(WireCustomer.class), WireCustomer::requireKey, call.deadline()));
    }

    /**
     * One page of customers, in Partnero's order; filters left out when null. With the request's key,
     * once per request ({@link GatewayRequest#once}), which also learns how old the data is.
     */
    public Uni<WireCustomerList> list(GatewayRequest request, int page, int limit, String partnerKey, String partnerEmail) {
        ApiKey key = request.key();
        PageKey call = new PageKey(key.fingerprint(), page, limit, partnerKey, partnerEmail);
        DataCache.Loader<WireCustomerList> load = staleAtHand -> request.inTurn(maxUnderWay, () -> limits.acquire(key, staleAtHand)
                .chain(() -> client.listCustomers(request, key, page, limit, partnerKey, partnerEmail)));
        return request.once(call, () -> pages == null ? DataCache.uncached(load, request) : pages.get(call, load, request));
    }

    /** The customer with this email or id (give one), or null; as {@link #list}. */
    public Uni<WireCustomer> search(GatewayRequest request, String email, String id) {
        ApiKey key = request.key();
        SearchKey call = new SearchKey(key.fingerprint(), email, id);
        DataCache.Loader<WireCustomer> load = staleAtHand -> request.inTurn(maxUnderWay, () -> limits.acquire(key, staleAtHand)
                .chain(() -> client.searchCustomer(request, key, email, id)));
        return request.once(call, () -> searches == null ? DataCache.uncached(load, request) : searches.get(call, load, request));
    }
}
