package partnero.gateway.partnero;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;
import partnero.gateway.apikey.ApiKey;
import partnero.gateway.request.GatewayRequest;

/**
 * Partnero's customer endpoints as the rest of the gateway calls them: the key as a bearer token,
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

    /** One try: counted for the request's log line, its failure mapped to an error code. */
    private static <T> Uni<T> attempt(GatewayRequest request, String endpoint, Supplier<Uni<T>> call) {
        return Uni.createFrom().deferred(() -> {
            request.attempt();
            return call.get().onFailure().transform(failure -> UpstreamFailures.toGatewayException(failure, endpoint));
        });
    }
}
