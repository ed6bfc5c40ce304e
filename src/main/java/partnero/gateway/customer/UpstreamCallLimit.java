package partnero.gateway.customer;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;
import partnero.gateway.config.GatewayConfig;
import partnero.gateway.error.ErrorCode;
import partnero.gateway.error.GatewayException;

/**
 * Caps the upstream calls one GraphQL request may cause. Every root field of this schema is one
 * Partnero call, so {@code { a: customers … b: customers … }} written 60 times would be 60 calls. The
 * operation is counted once per request, aliases and fragments included, and every root field checks
 * the count before its call: an operation over the cap makes no upstream call at all.
 */
@ApplicationScoped
class UpstreamCallLimit {

    static final Set<String> UPSTREAM_FIELDS = Set.of("customers", "searchCustomer");
    private static final String COUNT = UpstreamCallLimit.class.getName() + ".count";

    private final Context context;
    private final int max;

    UpstreamCallLimit(Context context, GatewayConfig config) {
        this.context = context;
        this.max = config.limits().maxUpstreamCalls();
    }

    void check() {
        DataFetchingEnvironment env = context.unwrap(DataFetchingEnvironment.class);
        int calls = env.getGraphQlContext().computeIfAbsent(COUNT, key -> {
            Set<String> responseKeys = new HashSet<>();
            collect(env.getOperationDefinition().getSelectionSet(), env.getFragmentsByName(), responseKeys);
            return responseKeys.size();
        });
        if (calls > max) {
            throw GatewayException.of(ErrorCode.QUERY_TOO_COMPLEX,
                    "This operation would make " + calls + " calls to Partnero; at most " + max + " are allowed per request");
        }
    }

    /** Root fields with the same response key are merged by GraphQL into one execution, so one call. */
    private static void collect(SelectionSet selections, Map<String, FragmentDefinition> fragments, Set<String> responseKeys) {
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field && UPSTREAM_FIELDS.contains(field.getName())) {
                responseKeys.add(field.getResultKey());
            } else if (selection instanceof InlineFragment inline) {
                collect(inline.getSelectionSet(), fragments, responseKeys);
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                collect(fragments.get(spread.getName()).getSelectionSet(), fragments, responseKeys);
            }
        }
    }
}
