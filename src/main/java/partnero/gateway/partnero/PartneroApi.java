package partnero.gateway.partnero;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * Partnero's read endpoints, as the declarative REST client sees them. Package-private: only
 * {@link PartneroClient} calls it, adding the error mapping every call needs. The base URL
 * ({@code quarkus.rest-client.partnero.url}) is {@code partnero.api.url}; {@code @Produces} is what
 * sends {@code Accept: application/json}. Null query parameters are not sent.
 */
@RegisterRestClient(configKey = "partnero")
@Produces(MediaType.APPLICATION_JSON)
interface PartneroApi {

    @GET
    @Path("/customers")
    Uni<WireCustomerList> listCustomers(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("page") int page,
            @QueryParam("limit") int limit,
            @QueryParam("partner.key") String partnerKey,
            @QueryParam("partner.email") String partnerEmail);

    /** The colon is literal: Partnero routes {@code customers:search}, not {@code customers%3Asearch}. */
    @GET
    @Path("/customers:search")
    Uni<WireCustomerSearch> searchCustomers(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("email") String email,
            @QueryParam("id") String id);

    /** A key or id goes into the path as one segment, percent-encoded by the client ({@code a/b} as {@code a%2Fb}). */
    @GET
    @Path("/customers/{key}")
    Uni<WireOne<WireCustomer>> customer(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("key") String key);

    @GET
    @Path("/partners")
    Uni<WirePage<WirePartner>> partners(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("page") int page,
            @QueryParam("limit") int limit);

    @GET
    @Path("/partners/{id}")
    Uni<WireOne<WirePartner>> partner(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id);

    @GET
    @Path("/transactions")
    Uni<WirePage<WireTransaction>> transactions(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("page") int page,
            @QueryParam("limit") int limit,
            @QueryParam("customer.key") String customerKey,
            @QueryParam("partner.key") String partnerKey);

    @GET
    @Path("/transactions/{key}")
    Uni<WireOne<WireTransaction>> transaction(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("key") String key);
}
