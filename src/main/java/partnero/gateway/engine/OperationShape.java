package partnero.gateway.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import graphql.DirectivesUtil;
import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;

/**
 * What an operation will cost, measured on its validated document before anything runs: how deep it
 * nests, how many fields it selects, and how many Partnero calls its root fields make. Fragments are
 * expanded where they are spread (validation has already ruled out fragment cycles). A root field's
 * calls are what its {@link PartneroCalls} directive in the schema says; a field without one (which
 * the engine's guard test forbids) counts as one call, and fields of the engine's own ({@code __typename},
 * introspection) as none.
 */
record OperationShape(int depth, int fields, int upstreamCalls) {

    static OperationShape of(GraphQLObjectType rootType, SelectionSet root, Map<String, FragmentDefinition> fragments) {
        Map<String, Integer> callsByResponseKey = new HashMap<>();
        collectUpstreamCalls(rootType, root, fragments, callsByResponseKey);
        Measure measure = new Measure();
        measure(root, fragments, 1, measure);
        int calls = callsByResponseKey.values().stream().mapToInt(Integer::intValue).sum();
        return new OperationShape(measure.depth, measure.fields, calls);
    }

    /**
     * The Partnero calls the operation {@code operationName} of {@code document} would make, before it
     * runs (a batch's operations, counted together); 0 for a document that would fail on its own
     * (unparseable, invalid, no such operation), as it calls nothing.
     */
    static int upstreamCallsOf(GraphQLSchema schema, String document, String operationName) {
        ParseAndValidateResult parsed = ParseAndValidate.parse(ExecutionInput.newExecutionInput(document).build());
        if (parsed.isFailure() || !ParseAndValidate.validate(schema, parsed.getDocument()).isEmpty()) {
            return 0; // validation also rules out fragment cycles, which the walk below assumes
        }
        Document parsedDocument = parsed.getDocument();
        List<OperationDefinition> operations = parsedDocument.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(operation -> operationName == null || operationName.equals(operation.getName()))
                .toList();
        if (operations.size() != 1 || operations.get(0).getOperation() != OperationDefinition.Operation.QUERY) {
            return 0;
        }
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        parsedDocument.getDefinitionsOfType(FragmentDefinition.class).forEach(fragment -> fragments.put(fragment.getName(), fragment));
        return of(schema.getQueryType(), operations.get(0).getSelectionSet(), fragments).upstreamCalls();
    }

    /** The calls one selection of this root field makes: as declared, else none for the engine's own, else one. */
    static int partneroCalls(GraphQLFieldDefinition field) {
        if (field == null || field.getName().startsWith("__")) {
            return 0;
        }
        return declaredCalls(field).orElse(1);
    }

    /** What the field's {@link PartneroCalls} directive says; empty when it has none. */
    static OptionalInt declaredCalls(GraphQLFieldDefinition field) {
        // SmallRye attaches schema directives the legacy way, graphql-java's SDL reader the applied way
        return DirectivesUtil.toAppliedDirectives(field).stream()
                .filter(directive -> directive.getName().equals(PartneroCalls.DIRECTIVE))
                .map(directive -> directive.getArgument("value"))
                .filter(value -> value != null && value.getValue() instanceof Number)
                .mapToInt(value -> ((Number) value.getValue()).intValue())
                .findFirst();
    }

    private static final class Measure {
        int depth;
        int fields;
    }

    private static void measure(SelectionSet selections, Map<String, FragmentDefinition> fragments, int level, Measure measure) {
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                measure.fields++;
                measure.depth = Math.max(measure.depth, level);
                if (field.getSelectionSet() != null) {
                    measure(field.getSelectionSet(), fragments, level + 1, measure);
                }
            } else if (selection instanceof InlineFragment inline) {
                measure(inline.getSelectionSet(), fragments, level, measure);
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                measure(fragments.get(spread.getName()).getSelectionSet(), fragments, level, measure);
            }
        }
    }

    /** Root fields with one response key are merged by GraphQL into one execution, so one call. */
    private static void collectUpstreamCalls(GraphQLObjectType rootType, SelectionSet selections,
            Map<String, FragmentDefinition> fragments, Map<String, Integer> callsByResponseKey) {
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                GraphQLFieldDefinition definition = rootType == null ? null : rootType.getFieldDefinition(field.getName());
                callsByResponseKey.put(field.getResultKey(), partneroCalls(definition));
            } else if (selection instanceof InlineFragment inline) {
                collectUpstreamCalls(rootType, inline.getSelectionSet(), fragments, callsByResponseKey);
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                collectUpstreamCalls(rootType, fragments.get(spread.getName()).getSelectionSet(), fragments, callsByResponseKey);
            }
        }
    }
}
