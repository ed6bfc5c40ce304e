package partnero.gateway.engine;

import java.util.List;

import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.schema.GraphQLObjectType;
import io.smallrye.config.SmallRyeConfig;
import partnero.gateway.error.ErrorCode;
import partnero.gateway.error.GatewayException;

/**
 * Rejects an operation that is too deep, too wide or would call Partnero too often, with
 * {@code QUERY_TOO_COMPLEX}, and one whose arguments break an input rule anywhere in the document
 * (a nested {@code limit}, say), with {@code BAD_USER_INPUT}, after validation and before any field
 * runs, so before any upstream call ({@link OperationShape}).
 * <p>
 * A graphql-java {@link Instrumentation} ({@code beginExecuteOperation}, the same hook graphql-java's
 * own depth limit uses), chained after the instrumentation SmallRye GraphQL configures: SmallRye's
 * builder has no getter, so the builder is built once to read it. The execution strategy and its
 * exception handler stay SmallRye's. The limits ({@code partnero.limits.*}) are read at the first
 * operation, at run time. A CDI bean that SmallRye GraphQL reaches through {@link ReloadSafeHooks}.
 */
@Singleton
@Named(ReloadSafeHooks.LIMITS)
public class OperationLimits extends AlwaysOnEventingService {

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        Instrumentation smallRyes = builder.build().getInstrumentation();
        return builder.instrumentation(new ChainedInstrumentation(smallRyes, new Limits()));
    }

    /** Measures the operation about to run and aborts it when it exceeds a limit. */
    static final class Limits extends SimplePerformantInstrumentation {

        private volatile EngineConfig.Limits limits;

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                InstrumentationState state) {
            ExecutionContext context = parameters.getExecutionContext();
            RequestFacts facts = context.getGraphQLContext().get(RequestFacts.KEY);
            if (facts != null) {
                facts.learn(context); // for the HTTP entry: may the answer be kept, under which name is it logged
            }
            GraphQLObjectType rootType = switch (context.getOperationDefinition().getOperation()) {
                case QUERY -> context.getGraphQLSchema().getQueryType();
                case MUTATION -> context.getGraphQLSchema().getMutationType();
                case SUBSCRIPTION -> context.getGraphQLSchema().getSubscriptionType();
            };
            OperationShape.Measured measured = OperationShape.measured(context.getGraphQLSchema(), rootType,
                    context.getOperationDefinition().getSelectionSet(), context.getFragmentsByName(), context.getCoercedVariables());
            if (!measured.brokenRules().isEmpty()) {
                throw new AbortExecutionException(List.of(GatewayException.of(ErrorCode.BAD_USER_INPUT,
                        String.join("; ", measured.brokenRules()))));
            }
            String excess = excess(measured.shape(), limits());
            if (excess != null) {
                throw new AbortExecutionException(List.of(GatewayException.of(ErrorCode.QUERY_TOO_COMPLEX, excess)));
            }
            return super.beginExecuteOperation(parameters, state);
        }

        private EngineConfig.Limits limits() {
            EngineConfig.Limits current = limits;
            if (current == null) {
                current = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(EngineConfig.class).limits();
                limits = current;
            }
            return current;
        }

        static String excess(OperationShape shape, EngineConfig.Limits limits) {
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
