package partnero.gateway.partnero;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import partnero.gateway.apikey.ApiKey;
import partnero.gateway.config.CacheConfig;
import partnero.gateway.error.ErrorCode;
import partnero.gateway.error.GatewayException;
import partnero.gateway.error.InternalFailures;
import partnero.gateway.request.GatewayRequest;
import partnero.gateway.shared.SharedStore;

/**
 * Where every request leaves for Partnero: customers (the list, the search, one customer), partners,
 * transactions. Each endpoint has its own {@link DataCache}: an entry is per key fingerprint (never the
 * key) and arguments, so clients with different keys never share one; ttl, byte bound, the Redis
 * backend, stale-while-revalidate and stale-if-error; concurrent identical misses share one call;
 * failures are never cached, "none" is (a search without a match, a 404 on a single object: null).
 * {@code partnero.cache.enabled=false} sends every call to Partnero. Within one GraphQL request a call
 * is made once however many fields need it ({@link GatewayRequest#once}: the root field
 * {@code partner(id)} and a customer's {@code partner} share it), and at most
 * {@code partnero.nested.max-concurrency} of the request's calls are under way at once
 * ({@link GatewayRequest#inTurn}). The call itself is {@link PartneroClient}'s.
 */
@ApplicationScoped
public class PartneroGraph {

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

    /**
     * One call to one of the graph's other endpoints: its kind (also its Redis key kind), the key's
     * fingerprint and the arguments in the endpoint's order. Equals and hashCode written out, as for
     * every cache key.
     */
    record CallKey(String kind, String keyFingerprint, String[] arguments) {
        @Override
        public boolean equals(Object other) {
            return other instanceof CallKey call && kind.equals(call.kind) && keyFingerprint.equals(call.keyFingerprint)
                    && Arrays.equals(arguments, call.arguments);
        }

        @Override
        public int hashCode() {
            return (kind.hashCode() * 31 + keyFingerprint.hashCode()) * 31 + Arrays.hashCode(arguments);
        }

        @Override
        public String toString() {
            return "CallKey[" + kind + ", " + keyFingerprint + "]";
        }

        /** Its parts for the Redis key: the key's fingerprint, then the arguments. */
        String[] parts() {
            String[] parts = new String[arguments.length + 1];
            parts[0] = keyFingerprint;
            System.arraycopy(arguments, 0, parts, 1, arguments.length);
            return parts;
        }
    }

    private final PartneroClient client;
    private final KeyRateLimits limits;
    private final int maxUnderWay;
    private final DataCache<PageKey, WireCustomerList> pages;
    private final DataCache<SearchKey, WireCustomer> searches;
    private final DataCache<CallKey, WireCustomer> customers;
    private final DataCache<CallKey, WirePage<WirePartner>> partnerPages;
    private final DataCache<CallKey, WirePartner> partners;
    private final DataCache<CallKey, WirePage<WireTransaction>> transactionPages;
    private final DataCache<CallKey, WireTransaction> transactions;

    PartneroGraph(PartneroClient client, KeyRateLimits limits, SharedStore shared, ObjectMapper json, CallConfig call, CacheConfig cache,
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
        this.customers = caches.of("partnero-customer", "customer", CallKey::parts, WireCustomer::estimatedBytes,
                json.constructType(WireCustomer.class), WireCustomer::requireKey);
        this.partnerPages = caches.of("partnero-partner-pages", "partners", CallKey::parts, page -> page.estimatedBytes(WirePartner::estimatedBytes),
                json.getTypeFactory().constructParametricType(WirePage.class, WirePartner.class),
                page -> page.readable("partner", WirePartner::requireId));
        this.partners = caches.of("partnero-partner", "partner", CallKey::parts, WirePartner::estimatedBytes,
                json.constructType(WirePartner.class), WirePartner::requireId);
        this.transactionPages = caches.of("partnero-transaction-pages", "transactions", CallKey::parts,
                page -> page.estimatedBytes(WireTransaction::estimatedBytes),
                json.getTypeFactory().constructParametricType(WirePage.class, WireTransaction.class),
                page -> page.readable("transaction", WireTransaction::requireKey));
        this.transactions = caches.of("partnero-transaction", "transaction", CallKey::parts, WireTransaction::estimatedBytes,
                json.constructType(WireTransaction.class), WireTransaction::requireKey);
    }

    /** {@code GET /customers}: one page of customers, in Partnero's order; filters left out when null. */
    public Uni<WireCustomerList> list(GatewayRequest request, int page, int limit, String partnerKey, String partnerEmail) {
        return call(request, pages, new PageKey(request.key().fingerprint(), page, limit, partnerKey, partnerEmail),
                apiKey -> client.listCustomers(request, apiKey, page, limit, partnerKey, partnerEmail));
    }

    /** {@code GET /customers:search}: the customer with this email or id (give one), or null. */
    public Uni<WireCustomer> search(GatewayRequest request, String email, String id) {
        return call(request, searches, new SearchKey(request.key().fingerprint(), email, id),
                apiKey -> client.searchCustomer(request, apiKey, email, id));
    }

    /** {@code GET /customers/{key}}: the customer with its status and tags; null when Partnero has none. */
    public Uni<WireCustomer> customer(GatewayRequest request, String key) {
        return call(request, customers, "customer", (apiKey) -> client.customer(request, apiKey, key), key);
    }

    /** {@code GET /partners}: one page of partners. */
    public Uni<WirePage<WirePartner>> partners(GatewayRequest request, int page, int limit) {
        return call(request, partnerPages, "partners", (apiKey) -> client.partners(request, apiKey, page, limit),
                Integer.toString(page), Integer.toString(limit));
    }

    /** {@code GET /partners/{id}}: the partner with its details; null when Partnero has none. */
    public Uni<WirePartner> partner(GatewayRequest request, String id) {
        return call(request, partners, "partner", (apiKey) -> client.partner(request, apiKey, id), id);
    }

    /** {@code GET /transactions}: one page, filters left out when null. */
    public Uni<WirePage<WireTransaction>> transactions(GatewayRequest request, int page, int limit, String customerKey,
            String partnerKey) {
        return call(request, transactionPages, "transactions",
                (apiKey) -> client.transactions(request, apiKey, page, limit, customerKey, partnerKey),
                Integer.toString(page), Integer.toString(limit), customerKey, partnerKey);
    }

    /** {@code GET /transactions/{key}}: the transaction; null when Partnero has none. */
    public Uni<WireTransaction> transaction(GatewayRequest request, String key) {
        return call(request, transactions, "transaction", (apiKey) -> client.transaction(request, apiKey, key), key);
    }

    /** Once per request, from the cache (when there is one), else from Partnero in the request's turn and within the key's rate. */
    private <K, V> Uni<V> call(GatewayRequest request, DataCache<K, V> cache, K call, Function<ApiKey, Uni<V>> fetch) {
        ApiKey key = request.key();
        DataCache.Loader<V> load = staleAtHand -> request.inTurn(maxUnderWay,
                () -> limits.acquire(key, staleAtHand).chain(() -> fetch.apply(key)
                        .onFailure(GatewayException.class).invoke(failure -> limits.heldBackBy(key, (GatewayException) failure))));
        return request.once(call, () -> (cache == null ? DataCache.uncached(load, request) : cache.get(call, load, request))
                .onFailure(GatewayException.class).invoke(failure -> {
                    ErrorCode code = ((GatewayException) failure).code();
                    if (DataCache.AVOIDABLE.contains(code)) {
                        request.failedWithoutStaleData(code.name()); // an answer this replica gave may still stand in
                    }
                }));
    }

    /** A call to one of the graph's other endpoints, its arguments in the endpoint's order. */
    private <V> Uni<V> call(GatewayRequest request, DataCache<CallKey, V> cache, String kind, Function<ApiKey, Uni<V>> fetch,
            String... arguments) {
        return call(request, cache, new CallKey(kind, request.key().fingerprint(), arguments), fetch);
    }
}
