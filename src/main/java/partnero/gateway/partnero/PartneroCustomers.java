package partnero.gateway.partnero;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;
import partnero.gateway.apikey.ApiKey;
import partnero.gateway.customer.Customer;
import partnero.gateway.customer.CustomerListRequest;
import partnero.gateway.customer.CustomerPage;
import partnero.gateway.customer.CustomerSearchRequest;

/**
 * Where a request leaves for Partnero. The only user of the raw REST client, it owns everything the
 * remote call needs around it: the key header, mapping the wire format to the GraphQL types, and
 * turning every failure into the gateway's error vocabulary. Callers never see the raw client.
 */
@ApplicationScoped
public class PartneroCustomers {

    private final PartneroApi api;

    PartneroCustomers(@RestClient PartneroApi api) {
        this.api = api;
    }

    /** One page of customers ({@code GET /customers}). */
    public Uni<CustomerPage> list(ApiKey key, CustomerListRequest request) {
        return api.listCustomers(key.bearerHeader(), request.page(), request.limit(),
                request.partnerKey(), request.partnerEmail())
                .map(body -> UpstreamMapper.toPage(body, request))
                .onFailure().transform(failure -> UpstreamFailures.toGatewayException(failure, "GET /customers"));
    }

    /** The customer with this email or id, or null ({@code GET /customers:search}; a 404 is "no match"). */
    public Uni<Customer> search(ApiKey key, CustomerSearchRequest request) {
        return api.searchCustomers(key.bearerHeader(), request.email(), request.id())
                .map(UpstreamMapper::toSearchResult)
                .onFailure(UpstreamFailures::isNotFound).recoverWithNull()
                .onFailure().transform(failure -> UpstreamFailures.toGatewayException(failure, "GET /customers:search"));
    }
}
