package partnero.gateway.limits;

import java.util.concurrent.CompletableFuture;

import org.eclipse.microprofile.config.ConfigProvider;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQL;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.graphql.execution.error.ExceptionHandler;
import io.smallrye.graphql.spi.EventingService;
import partnero.gateway.config.GatewayConfig;
import partnero.gateway.error.ErrorCode;
import partnero.gateway.error.GatewayException;

/**
 * Rejects an operation that is too deep, too wide or would call Partnero too often, with
 * {@code QUERY_TOO_COMPLEX} and before any field runs, so before any upstream call.
 * <p>
 * It plugs into SmallRye GraphQL as an {@link EventingService} (found through
 * {@code META-INF/services}) that installs the query execution strategy: SmallRye's own depth and
 * complexity instrumentations can't attach an error code, and it offers no other hook into
 * graphql-java that runs after validation and before execution.
 */
public class OperationLimits implements EventingService {

    @Override
    public String getConfigKey() {
        return null; // always on
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        GatewayConfig.Limits limits = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class)
                .getConfigMapping(GatewayConfig.class).limits();
        return builder.queryExecutionStrategy(new LimitedExecutionStrategy(limits));
    }

    /** graphql-java's default strategy for queries, after a look at the operation's shape. */
    static final class LimitedExecutionStrategy extends AsyncExecutionStrategy {

        private final GatewayConfig.Limits limits;

        LimitedExecutionStrategy(GatewayConfig.Limits limits) {
            super(new ExceptionHandler()); // the handler SmallRye gives its own strategies
            this.limits = limits;
        }

        @Override
        public CompletableFuture<ExecutionResult> execute(ExecutionContext context, ExecutionStrategyParameters parameters) {
            OperationShape shape = OperationShape.of(context.getOperationDefinition().getSelectionSet(),
                    context.getFragmentsByName());
            String excess = excess(shape);
            if (excess != null) {
                GatewayException tooComplex = GatewayException.of(ErrorCode.QUERY_TOO_COMPLEX, excess);
                return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult().addError(tooComplex).build());
            }
            return super.execute(context, parameters);
        }

        private String excess(OperationShape shape) {
            if (shape.upstreamCalls() > limits.maxUpstreamCalls()) {
                return "This operation would make " + shape.upstreamCalls() + " calls to Partnero; at most "
                        + limits.maxUpstreamCalls() + " are allowed per request";
            }
            if (shape.depth() > limits.maxDepth()) {
                return "This operation nests " + shape.depth() + " levels deep; at most " + limits.maxDepth() + " are allowed";
            }
            if (shape.fields() > limits.maxFields()) {
                return "This operation selects " + shape.fields() + " fields; at most " + limits.maxFields() + " are allowed";
            }
            return null;
        }
    }
}
