package partnero.gateway.customer;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import partnero.gateway.apikey.ApiKeyResolver;
import partnero.gateway.error.InternalFailures;
import partnero.gateway.request.CurrentRequest;
import partnero.gateway.request.GatewayRequest;

/**
 * What every resolver of the schema does around its own work: checks its arguments before anything
 * is sent ({@link InputRules}), takes the operation the door began (its key resolved there, its calls
 * made once), and lets no failure that is none of the error codes reach a client as it is (logged,
 * counted and answered {@code UPSTREAM_UNAVAILABLE} by {@link InternalFailures}).
 */
@ApplicationScoped
public class Resolution {

    private final CurrentRequest operations;
    private final ApiKeyResolver keys;
    private final InputRules rules;
    private final InternalFailures internal;

    Resolution(CurrentRequest operations, ApiKeyResolver keys, InputRules rules, InternalFailures internal) {
        this.operations = operations;
        this.keys = keys;
        this.rules = rules;
        this.internal = internal;
    }

    /**
     * The resolver's answer: {@code arguments} checked against the constraints on their record (a
     * {@code BAD_USER_INPUT} naming each broken one), then {@code work} with them and the operation.
     */
    public <A, T> Uni<T> resolve(A arguments, Work<A, T> work) {
        return Uni.createFrom().item(() -> rules.check(arguments))
                .flatMap(checked -> work.with(checked, operation()))
                .onFailure(failure -> !InternalFailures.isKnown(failure)).transform(failure -> internal.toGatewayException(failure, "resolver"));
    }

    /** The resolver's answer, for one without arguments: {@code work} with the operation. */
    public <T> Uni<T> resolve(Function<GatewayRequest, Uni<T>> work) {
        return Uni.createFrom().deferred(() -> work.apply(operation()))
                .onFailure(failure -> !InternalFailures.isKnown(failure)).transform(failure -> internal.toGatewayException(failure, "resolver"));
    }

    /** A resolver's own work, given its checked arguments and the operation it runs in. */
    @FunctionalInterface
    public interface Work<A, T> {
        Uni<T> with(A arguments, GatewayRequest operation);
    }

    /**
     * The operation the door began ({@link CurrentRequest}); an operation of its own, with the
     * request's key, should a resolver ever run without the door.
     */
    private GatewayRequest operation() {
        return operations.get().orElseGet(() -> new GatewayRequest(keys.keyOf()));
    }
}
