package partnero.gateway.customer;

import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import partnero.gateway.apikey.ApiKeyResolver;
import partnero.gateway.engine.FieldOperation;
import partnero.gateway.error.InternalFailures;
import partnero.gateway.request.CurrentRequest;
import partnero.gateway.request.GatewayRequest;

/**
 * What every resolver of the schema does around its own work: checks its arguments before anything
 * is sent ({@link InputRules}), takes the operation the door began (its key resolved there, its calls
 * made once: a root field's from the request's CDI context, a nested field's from graphql-java,
 * {@link FieldOperation}), and lets no failure that is none of the error codes reach a client as it
 * is (logged, counted and answered {@code UPSTREAM_UNAVAILABLE} by {@link InternalFailures}).
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
        return guarded(operation(), operation -> Uni.createFrom().item(() -> rules.check(arguments))
                .flatMap(checked -> work.with(checked, operation)));
    }

    /**
     * As {@link #resolve(Object, Work)}, for a nested field's resolver: the operation is the one
     * graphql-java resolves the field for ({@link FieldOperation}), never the CDI request context,
     * which is not active where a nested field is fetched. Only the engine's fetcher of nested fields
     * calls these resolvers (for graphql-java and for compiled plans), with that operation in hand.
     */
    public <A, T> Uni<T> resolveNested(A arguments, Work<A, T> work) {
        return guarded(nestedOperation(), operation -> Uni.createFrom().item(() -> rules.check(arguments))
                .flatMap(checked -> work.with(checked, operation)));
    }

    /** {@link #resolveNested(Object, Work)} for a nested field without arguments. */
    public <T> Uni<T> resolveNested(Function<GatewayRequest, Uni<T>> work) {
        return guarded(nestedOperation(), operation -> Uni.createFrom().deferred(() -> work.apply(operation)));
    }

    /**
     * The operation, taken now, in the resolver's own call (where it can be found), then the work with
     * it; a failure that is none of the error codes becomes one.
     */
    private <T> Uni<T> guarded(Supplier<GatewayRequest> found, Function<GatewayRequest, Uni<T>> work) {
        Uni<T> answer;
        try {
            GatewayRequest operation = found.get();
            answer = work.apply(operation);
        } catch (RuntimeException failure) {
            answer = Uni.createFrom().failure(failure);
        }
        return answer.onFailure(failure -> !InternalFailures.isKnown(failure))
                .transform(failure -> internal.toGatewayException(failure, "resolver"));
    }

    /** A resolver's own work, given its checked arguments and the operation it runs in. */
    @FunctionalInterface
    public interface Work<A, T> {
        Uni<T> with(A arguments, GatewayRequest operation);
    }

    /**
     * A root field's operation: the one the door began ({@link CurrentRequest}, set before graphql-java
     * or a compiled plan calls the root resolvers, in the request's CDI context); an operation of its
     * own, with the request's key, should a resolver ever run without the door.
     */
    private Supplier<GatewayRequest> operation() {
        return () -> operations.get().orElseGet(() -> new GatewayRequest(keys.keyOf()));
    }

    /** A nested field's operation: the one graphql-java carries ({@link FieldOperation}). */
    private static Supplier<GatewayRequest> nestedOperation() {
        return () -> FieldOperation.current().orElseThrow(
                () -> new IllegalStateException("a nested field resolved outside an operation the door began"));
    }
}
