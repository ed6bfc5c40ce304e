package partnero.gateway.engine;

import java.util.Map;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLSchema;

/**
 * What the engine learns about one request's operation while it runs, for the HTTP entry
 * ({@link GraphQLEndpoint}) that writes the answer: whether it is a query that may be cached and the
 * operation's name for the log line. Travels in the request's GraphQL context under {@link #KEY}.
 */
final class RequestFacts {

    static final String KEY = RequestFacts.class.getName();

    private boolean cacheable;
    private String operationName = "anonymous";
    private GraphQLSchema schema;
    private OperationDefinition operation;
    private Map<String, FragmentDefinition> fragments;

    RequestFacts() {
    }

    /** Facts known beforehand (tests of the answer cache). */
    RequestFacts(boolean cacheable, String operationName) {
        this.cacheable = cacheable;
        this.operationName = operationName;
    }

    /** Called by the engine once the operation to run is known. */
    void learn(ExecutionContext context) {
        OperationDefinition operation = context.getOperationDefinition();
        this.schema = context.getGraphQLSchema();
        this.operation = operation;
        this.fragments = context.getFragmentsByName();
        operationName = OperationTelemetry.loggedName(operation.getName());
        cacheable = operation.getOperation() == OperationDefinition.Operation.QUERY
                && !asksForTheSchema(operation.getSelectionSet(), context.getFragmentsByName());
    }

    /** Whether the root selects {@code __schema} or {@code __type}, fragments expanded (validation ruled out cycles). */
    private static boolean asksForTheSchema(SelectionSet selections, Map<String, FragmentDefinition> fragments) {
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field && (field.getName().equals("__schema") || field.getName().equals("__type"))
                    || selection instanceof InlineFragment inline && asksForTheSchema(inline.getSelectionSet(), fragments)
                    || selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())
                            && asksForTheSchema(fragments.get(spread.getName()).getSelectionSet(), fragments)) {
                return true;
            }
        }
        return false;
    }

    /** A query that is not introspection. */
    boolean cacheable() {
        return cacheable;
    }

    String operationName() {
        return operationName;
    }

    /**
     * Whether the answer may be kept (by the answer cache, and by HTTP caches) and its plan learnt: a
     * query, not introspection, with data and no error.
     */
    boolean complete(ExecutionResult result) {
        return cacheable && result.getErrors().isEmpty() && result.isDataPresent() && result.getData() != null;
    }

    /** What a {@link CompiledPlan} is compiled from: the validated operation that ran, its fragments, the schema. */
    OperationDefinition operation() {
        return operation;
    }

    Map<String, FragmentDefinition> fragments() {
        return fragments;
    }

    GraphQLSchema schema() {
        return schema;
    }
}
