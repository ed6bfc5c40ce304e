package partnero.gateway.request;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

/**
 * The operation the HTTP request is running now, for the GraphQL resolvers, which SmallRye GraphQL
 * (or a compiled plan) calls without a way to pass it: the door sets it ({@link #begin}) before each
 * operation, the resolver takes it ({@link #get}) and from there passes it by hand. One per HTTP
 * request; a batch's operations run one after the other, each with its own.
 */
@RequestScoped
public class CurrentRequest {

    private GatewayRequest operation;

    /** The operation about to run. */
    public void begin(GatewayRequest operation) {
        this.operation = operation;
    }

    /** The operation running now; empty outside one the door began. */
    public Optional<GatewayRequest> get() {
        return Optional.ofNullable(operation);
    }
}
