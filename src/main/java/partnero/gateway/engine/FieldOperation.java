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
 * own body (SmallRye's record is per thread and stays behind after the call), and only by resolvers
 * graphql-java calls: a compiled plan calls root resolvers without SmallRye, so they take the
 * operation from {@code CurrentRequest}, which the door sets. {@code GraphOperationsTest} sends
 * concurrent nested requests with different keys.
 */
public final class FieldOperation {

    private FieldOperation() {
    }

    /** The operation of the field SmallRye is resolving on this thread now; empty outside a resolver graphql-java called. */
    public static Optional<GatewayRequest> current() {
        SmallRyeContext context = SmallRyeContextManager.getCurrentSmallRyeContext();
        DataFetchingEnvironment environment = context == null ? null : context.getDataFetchingEnvironment();
        GraphQLContext execution = environment == null ? null : environment.getGraphQlContext();
        return execution == null ? Optional.empty() : Optional.ofNullable(execution.get(OperationTelemetry.OPERATION));
    }
}
