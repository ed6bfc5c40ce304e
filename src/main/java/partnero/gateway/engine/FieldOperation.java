package partnero.gateway.engine;

import java.util.Optional;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import partnero.gateway.request.GatewayRequest;

/**
 * The operation a nested field is resolved for, as graphql-java itself carries it: the
 * {@link GatewayRequest} the door put in the execution's {@link GraphQLContext}
 * ({@link OperationTelemetry#OPERATION}), reached through the {@link DataFetchingEnvironment} that
 * SmallRye GraphQL records, per thread, just before it calls a resolver
 * ({@code SmallRyeContextManager.populateFromDataFetchingEnvironment}, in
 * {@code AbstractDataFetcher.get}).
 * <p>
 * Why not the CDI request context ({@code request.CurrentRequest}): a nested field is fetched when its
 * parent's value arrives, on whatever thread completed the upstream call, where the request's CDI
 * context is not active. Quarkus' asynchronous fetcher then reactivates the context whose state its
 * own HTTP handler leaves in the {@code GraphQLContext} (key {@code "state"},
 * {@code RequestContextHelper.reactivate}); the gateway's entry ({@link GraphQLEndpoint}) is not that
 * handler, so an empty context is started instead. Read only synchronously, in the resolver's
 * own body (SmallRye's record is per thread and stays behind after the call), and only by nested
 * resolvers, which {@link SourceFieldFetchers} calls for graphql-java and for compiled plans alike,
 * handing over an environment whose context carries the operation; a compiled plan calls root
 * resolvers without SmallRye, so they take the operation from {@code CurrentRequest}, which the door
 * sets. {@code GraphOperationsTest} sends
 * concurrent nested requests with different keys.
 */
public final class FieldOperation {

    /** The environment {@link SourceFieldFetchers} hands a resolver for the length of its call, on this thread. */
    private static final ThreadLocal<DataFetchingEnvironment> HANDED = new ThreadLocal<>();

    private FieldOperation() {
    }

    /** A resolver's call under way with its environment handed over; closing it takes the environment back. */
    static final class Handed implements AutoCloseable {
        private final DataFetchingEnvironment previous;

        private Handed(DataFetchingEnvironment previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (previous == null) {
                HANDED.remove();
            } else {
                HANDED.set(previous);
            }
        }
    }

    /** Hands {@code environment} to the resolver about to be called on this thread ({@link SourceFieldFetchers}). */
    static Handed hand(DataFetchingEnvironment environment) {
        DataFetchingEnvironment previous = HANDED.get();
        HANDED.set(environment);
        return new Handed(previous);
    }

    /**
     * The operation of the field being resolved on this thread now: the environment a
     * {@link SourceFieldFetchers} fetcher handed over, else the one SmallRye recorded; empty outside a
     * resolver graphql-java called.
     */
    public static Optional<GatewayRequest> current() {
        DataFetchingEnvironment environment = HANDED.get();
        if (environment == null) {
            SmallRyeContext context = SmallRyeContextManager.getCurrentSmallRyeContext();
            environment = context == null ? null : context.getDataFetchingEnvironment();
        }
        GraphQLContext execution = environment == null ? null : environment.getGraphQlContext();
        return execution == null ? Optional.empty() : Optional.ofNullable(execution.get(OperationTelemetry.OPERATION));
    }
}
