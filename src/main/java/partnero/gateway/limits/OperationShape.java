package partnero.gateway.limits;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * What an operation will cost, measured on its validated document before anything runs: how deep it
 * nests, how many fields it selects, and how many Partnero calls its root fields make. Fragments are
 * expanded where they are spread (validation has already ruled out fragment cycles).
 */
record OperationShape(int depth, int fields, int upstreamCalls) {

    /** Root fields that each make one Partnero call. */
    static final Set<String> UPSTREAM_FIELDS = Set.of("customers", "searchCustomer");

    static OperationShape of(SelectionSet root, Map<String, FragmentDefinition> fragments) {
        Set<String> upstreamKeys = new HashSet<>();
        collectUpstreamKeys(root, fragments, upstreamKeys);
        Measure measure = new Measure();
        measure(root, fragments, 1, measure);
        return new OperationShape(measure.depth, measure.fields, upstreamKeys.size());
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
    private static void collectUpstreamKeys(SelectionSet selections, Map<String, FragmentDefinition> fragments, Set<String> keys) {
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field && UPSTREAM_FIELDS.contains(field.getName())) {
                keys.add(field.getResultKey());
            } else if (selection instanceof InlineFragment inline) {
                collectUpstreamKeys(inline.getSelectionSet(), fragments, keys);
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                collectUpstreamKeys(fragments.get(spread.getName()).getSelectionSet(), fragments, keys);
            }
        }
    }
}
