package partnero.gateway.engine;

import java.math.BigDecimal;
import java.util.List;

import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.AbortExecutionException;
import graphql.execution.CoercedVariables;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
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
            String notInt = notAnInt(context.getOperationDefinition(), context.getCoercedVariables());
            if (notInt != null) {
                throw new AbortExecutionException(List.of(GatewayException.of(ErrorCode.BAD_USER_INPUT, notInt)));
            }
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

        /** Refuses a document of too many fragments before graphql-java validates it (see {@link EngineConfig.Limits#maxFragments()}). */
        @Override
        public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                InstrumentationState state) {
            String excess = fragmentsExcess(parameters.getDocument(), limits().maxFragments());
            if (excess != null) {
                throw new AbortExecutionException(List.of(GatewayException.of(ErrorCode.QUERY_TOO_COMPLEX, excess)));
            }
            ValidationError unserved = unservedSubscription(parameters.getDocument(), parameters.getSchema());
            if (unserved != null) {
                throw new AbortExecutionException(List.of(unserved));
            }
            return super.beginValidation(parameters, state);
        }

        /**
         * The error graphql-java reports for a subscription to a schema that has none, when the document
         * holds one, or null. Reported before validation: graphql-java's SubscriptionUniqueRootField (24.3)
         * fails on such an operation whose root fields are all skipped, or skipped by a condition that is
         * no Boolean (ArrayIndexOutOfBounds, NullPointer), which became an HTTP 500.
         */
        static ValidationError unservedSubscription(Document document, GraphQLSchema schema) {
            if (schema.getSubscriptionType() != null) {
                return null;
            }
            return document.getDefinitionsOfType(OperationDefinition.class).stream()
                    .filter(operation -> operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION)
                    .findFirst()
                    .map(operation -> ValidationError.newValidationError().validationErrorType(ValidationErrorType.UnknownOperation)
                            .sourceLocation(operation.getSourceLocation())
                            .description("Validation error (KnownOperationTypes): The 'Subscription' operation is not supported by the schema")
                            .build())
                    .orElse(null);
        }

        private EngineConfig.Limits limits() {
            EngineConfig.Limits current = limits;
            if (current == null) {
                current = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(EngineConfig.class).limits();
                limits = current;
            }
            return current;
        }

        /**
         * Which variable of type {@code Int} holds no whole number in Int's range, or null. SmallRye's
         * {@code Int} (2.17) takes any number as a variable's value and fails only as the field runs,
         * answered as "System error" with a code made of a class name; graphql-java's own check of
         * variables does not see it.
         */
        static String notAnInt(OperationDefinition operation, CoercedVariables variables) {
            for (VariableDefinition definition : operation.getVariableDefinitions()) {
                Type<?> type = definition.getType() instanceof NonNullType nonNull ? nonNull.getType() : definition.getType();
                Object value = variables.get(definition.getName());
                if (type instanceof TypeName name && name.getName().equals("Int") && value != null && !isInt(value)) {
                    return "Variable '" + definition.getName() + "' must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
                }
            }
            return null;
        }

        private static boolean isInt(Object value) {
            if (!(value instanceof Number) && !(value instanceof String)) {
                return false;
            }
            try {
                new BigDecimal(value.toString()).intValueExact();
                return true;
            } catch (ArithmeticException | NumberFormatException e) {
                return false;
            }
        }

        /** Why {@code document} defines too many fragments to be validated, or null. */
        static String fragmentsExcess(Document document, int maxFragments) {
            int fragments = document.getDefinitionsOfType(FragmentDefinition.class).size();
            return fragments > maxFragments ? "This document defines " + fragments + " fragments; at most " + maxFragments + " are allowed" : null;
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
