package partnero.gateway.partnero;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;
import partnero.gateway.apikey.ApiKey;
import partnero.gateway.request.GatewayRequest;

/**
 * Partnero's read endpoints as the rest of the gateway calls them: the key as a bearer token,
 * every call under the {@link CallPolicy}, every failure turned into the gateway's error vocabulary
 * ({@link UpstreamFailures}), and answers checked to be readable before anyone relies on them. The
 * only user of the raw REST client besides the health check.
 */
@ApplicationScoped
class PartneroClient {

    private final PartneroApi api;
    private final CallPolicy policy;

    PartneroClient(@RestClient PartneroApi api, CallPolicy policy) {
        this.api = api;
        this.policy = policy;
    }

    /** {@code GET /customers}: one page, filters left out when null. */
    Uni<WireCustomerList> listCustomers(GatewayRequest request, ApiKey key, int page, int limit, String partnerKey,
            String partnerEmail) {
        return policy.call(() -> attempt(request, "GET /customers",
                () -> api.listCustomers(key.bearerHeader(), page, limit, partnerKey, partnerEmail)
                        .map(WireCustomerList::readable)));
    }

    /** {@code GET /customers:search}: the customer with this email or id, or null (a 404 is "no match"). */
    Uni<WireCustomer> searchCustomer(GatewayRequest request, ApiKey key, String email, String id) {
        return policy.call(() -> attempt(request, "GET /customers:search",
                () -> api.searchCustomers(key.bearerHeader(), email, id)
                        .map(WireCustomerSearch::onlyCustomer)
                        .onFailure(UpstreamFailures::isNotFound).recoverWithNull()));
    }

    /** {@code GET /customers/{key}}: the customer with its status and tags, or null (404). */
    Uni<WireCustomer> customer(GatewayRequest request, ApiKey key, String customerKey) {
        return one(request, "GET /customers/{key}", () -> api.customer(key.bearerHeader(), customerKey), WireCustomer::requireKey);
    }

    /** {@code GET /partners}: one page. */
    Uni<WirePage<WirePartner>> partners(GatewayRequest request, ApiKey key, int page, int limit) {
        return policy.call(() -> attempt(request, "GET /partners",
                () -> api.partners(key.bearerHeader(), page, limit).map(body -> body.readable("partner", WirePartner::requireId))));
    }

    /** {@code GET /partners/{id}}: the partner with its details, or null (404). */
    Uni<WirePartner> partner(GatewayRequest request, ApiKey key, String id) {
        return one(request, "GET /partners/{id}", () -> api.partner(key.bearerHeader(), id), WirePartner::requireId);
    }

    /** {@code GET /transactions}: one page, filters left out when null. */
    Uni<WirePage<WireTransaction>> transactions(GatewayRequest request, ApiKey key, int page, int limit, String customerKey,
            String partnerKey) {
        return policy.call(() -> attempt(request, "GET /transactions",
                () -> api.transactions(key.bearerHeader(), page, limit, customerKey, partnerKey)
                        .map(body -> body.readable("transaction", WireTransaction::requireKey))));
    }

    /** {@code GET /transactions/{key}}: the transaction, or null (404). */
    Uni<WireTransaction> transaction(GatewayRequest request, ApiKey key, String transactionKey) {
        return one(request, "GET /transactions/{key}", () -> api.transaction(key.bearerHeader(), transactionKey),
                WireTransaction::requireKey);
    }

    /** A single-object endpoint: its {@code data}, checked; null for a 404 or an empty {@code data} ("none"). */
    private <T> Uni<T> one(GatewayRequest request, String endpoint, Supplier<Uni<WireOne<T>>> call, UnaryOperator<T> check) {
        return policy.call(() -> attempt(request, endpoint,
                () -> call.get().map(body -> body == null || body.data() == null ? null : check.apply(body.data()))
                        .onFailure(UpstreamFailures::isNotFound).recoverWithNull()));
    }

    /** One try: counted for the request's log line, its failure mapped to an error code. */
    private static <T> Uni<T> attempt(GatewayRequest request, String endpoint, Supplier<Uni<T>> call) {
        return Uni.createFrom().deferred(() -> {
            request.attempt();
            return call.get().onFailure().transform(failure -> UpstreamFailures.toGatewayException(failure, endpoint));
        });
    }
}
