package partnero.gateway.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import graphql.DirectivesUtil;
import graphql.ExecutionInput;
import graphql.GraphQLContext;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.execution.CoercedVariables;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * What an operation will cost, measured on its validated document and its variables before anything
 * runs: how deep it nests, how many fields it selects, how many Partnero calls it makes at worst, and
 * which input rules its arguments break. Fragments are expanded where they are spread (validation has
 * already ruled out fragment cycles).
 * <p>
 * The calls are counted from the schema, from each field's {@link PartneroCalls} directive (SPEC,
 * "Bounded before any call"):
 * <ul>
 * <li>a root field counts what it declares, each response key (alias) apart; one without the
 * directive (which the engine's guard test forbids) counts 1, the engine's own ({@code __typename},
 * introspection) none;</li>
 * <li>below the root, the fields of one object that call one endpoint with the same arguments are one
 * call ({@code Customer.status} and {@code Customer.tags}), and a field calling the endpoint that
 * produced the object itself is none (a partner's details on a partner from {@code partner(id)});</li>
 * <li>everything below a field with a {@code limit} argument counts once per possible item: the
 * limit's value, its variable's or its default; nested lists multiply.</li>
 * </ul>
 * The input rules are checked here for the arguments of every nested field that calls Partnero:
 * {@code page} at least 1, {@code limit} 1 to 250, {@code key} and {@code id} not blank; one broken
 * refuses the whole request, so not even the parent's call is made. A root field's arguments are
 * checked by its resolver before its call, which reports the error on the field's path while the other
 * root fields answer (SPEC's first stage).
 */
record OperationShape(int depth, int fields, int upstreamCalls) {

    /** The largest page Partnero serves; also the input rule on every {@code limit}. */
    static final int MAX_LIMIT = 250;
    private static final Locale LOCALE = Locale.getDefault();

    static OperationShape of(GraphQLSchema schema, GraphQLObjectType rootType, SelectionSet root,
            Map<String, FragmentDefinition> fragments, CoercedVariables variables) {
        return measured(schema, rootType, root, fragments, variables).shape();
    }

    /** The shape, and the input rules the arguments break (each message naming its argument; empty when none). */
    record Measured(OperationShape shape, Set<String> brokenRules) {
    }

    static Measured measured(GraphQLSchema schema, GraphQLObjectType rootType, SelectionSet root,
            Map<String, FragmentDefinition> fragments, CoercedVariables variables) {
        Measure measure = new Measure();
        measure(root, fragments, 1, measure);
        Calls calls = new Calls(schema, fragments, variables);
        long count = rootType == null ? 0 : calls.count(rootType, List.of(root), null, 1, true);
        return new Measured(new OperationShape(measure.depth, measure.fields, (int) Math.min(Integer.MAX_VALUE, count)), calls.broken);
    }

    /**
     * The Partnero calls the operation {@code operationName} of {@code document} would make at worst
     * with these variables, before it runs (a batch's operations, counted together); 0 for a document
     * that would fail on its own (unparseable, invalid, no such operation, variables that do not
     * coerce), as it calls nothing.
     */
    static int upstreamCallsOf(GraphQLSchema schema, String document, String operationName, Map<String, Object> variables,
            int maxFragments) {
        ParseAndValidateResult parsed = ParseAndValidate.parse(ExecutionInput.newExecutionInput(document).build());
        if (parsed.isFailure() || OperationLimits.Limits.fragmentsExcess(parsed.getDocument(), maxFragments) != null // refused as they run,
                || OperationLimits.Limits.unservedSubscription(parsed.getDocument(), schema) != null // unvalidated
                || !ParseAndValidate.validate(schema, parsed.getDocument()).isEmpty()) {
            return 0; // validation also rules out fragment cycles, which the walk below assumes
        }
        Document parsedDocument = parsed.getDocument();
        List<OperationDefinition> operations = parsedDocument.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(operation -> operationName == null || operationName.equals(operation.getName()))
                .toList();
        if (operations.size() != 1 || operations.get(0).getOperation() != OperationDefinition.Operation.QUERY) {
            return 0;
        }
        CoercedVariables coerced;
        try {
            coerced = ValuesResolver.coerceVariableValues(schema, operations.get(0).getVariableDefinitions(),
                    RawVariables.of(variables == null ? Map.of() : variables), GraphQLContext.getDefault(), LOCALE);
        } catch (RuntimeException doesNotCoerce) {
            return 0;
        }
        Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
        parsedDocument.getDefinitionsOfType(FragmentDefinition.class).forEach(fragment -> fragments.put(fragment.getName(), fragment));
        return of(schema, schema.getQueryType(), operations.get(0).getSelectionSet(), fragments, coerced).upstreamCalls();
    }

    /** The calls one selection of this root field makes: as declared, else none for the engine's own, else one. */
    static int partneroCalls(GraphQLFieldDefinition field) {
        if (field == null || field.getName().startsWith("__")) {
            return 0;
        }
        return declaredCalls(field).orElse(1);
    }

    /** What the field's {@link PartneroCalls} directive says about the number of calls; empty when it has none. */
    static OptionalInt declaredCalls(GraphQLFieldDefinition field) {
        return declared(field).calls();
    }

    /** The endpoint the field's {@link PartneroCalls} directive names; empty when it has none. */
    static Optional<String> declaredEndpoint(GraphQLFieldDefinition field) {
        return declared(field).endpoint();
    }

    /** What one field's {@link PartneroCalls} directive declares. */
    private record Declared(OptionalInt calls, Optional<String> endpoint) {
    }

    /**
     * Each field's declaration, read once per field of the schema: graphql-java builds a field's applied
     * directives anew on every look-up ({@code DirectivesUtil.toAppliedDirectives}), 14 µs of a nested
     * engine run's 300 natively. Schema elements are equal only to themselves, so a field of a schema
     * rebuilt by a dev-mode reload is looked up again; the map is emptied if reloads ever fill it.
     */
    private static final Map<GraphQLFieldDefinition, Declared> DECLARED = new ConcurrentHashMap<>();
    private static final int DECLARED_MAX = 4096;

    private static Declared declared(GraphQLFieldDefinition field) {
        Declared known = DECLARED.get(field);
        if (known != null) {
            return known;
        }
        if (DECLARED.size() >= DECLARED_MAX) {
            DECLARED.clear();
        }
        Optional<GraphQLAppliedDirective> directive = directive(field);
        known = new Declared(
                directive.map(applied -> applied.getArgument("value"))
                        .filter(value -> value != null && value.getValue() instanceof Number)
                        .map(value -> OptionalInt.of(((Number) value.getValue()).intValue()))
                        .orElse(OptionalInt.empty()),
                directive.map(applied -> applied.getArgument("endpoint"))
                        .map(GraphQLAppliedDirectiveArgument::getValue)
                        .filter(String.class::isInstance).map(String.class::cast));
        DECLARED.put(field, known);
        return known;
    }

    private static Optional<GraphQLAppliedDirective> directive(GraphQLFieldDefinition field) {
        // SmallRye attaches schema directives the legacy way, graphql-java's SDL reader the applied way
        return DirectivesUtil.toAppliedDirectives(field).stream()
                .filter(directive -> directive.getName().equals(PartneroCalls.DIRECTIVE))
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

    /** The worst-case count of calls, and the input rules broken on the way. */
    private static final class Calls {

        private final GraphQLSchema schema;
        private final Map<String, FragmentDefinition> fragments;
        private final CoercedVariables variables;
        final Set<String> broken = new TreeSet<>();

        Calls(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, CoercedVariables variables) {
            this.schema = schema;
            this.fragments = fragments;
            this.variables = variables;
        }

        /**
         * The calls of these selection sets on an object of {@code type} produced by the endpoint
         * {@code producedBy} (null at the root), each counted {@code items} times.
         */
        long count(GraphQLObjectType type, List<SelectionSet> selectionSets, String producedBy, long items, boolean root) {
            Map<String, List<Field>> byResponseKey = new LinkedHashMap<>();
            selectionSets.forEach(selections -> collect(selections, byResponseKey));
            Set<String> kinds = new HashSet<>();
            long total = 0;
            for (List<Field> fields : byResponseKey.values()) {
                Field field = fields.get(0);
                GraphQLFieldDefinition definition = field.getName().startsWith("__") ? null : type.getFieldDefinition(field.getName());
                if (definition == null) {
                    continue; // the engine's own: __typename, introspection
                }
                Optional<String> endpoint = declaredEndpoint(definition);
                Map<String, Object> arguments = arguments(definition, field);
                if (root) {
                    total += partneroCalls(definition);
                } else if (endpoint.isPresent() && !endpoint.get().equals(producedBy)
                        && kinds.add(endpoint.get() + " " + arguments)) {
                    total += items * declaredCalls(definition).orElse(1);
                }
                if (!root && endpoint.isPresent()) {
                    check(arguments); // a root field's own resolver checks its arguments, and reports on its path
                }
                GraphQLType result = GraphQLTypeUtil.unwrapAll(definition.getType());
                if (result instanceof GraphQLObjectType object) {
                    List<SelectionSet> below = new ArrayList<>(fields.size());
                    fields.forEach(one -> {
                        if (one.getSelectionSet() != null) {
                            below.add(one.getSelectionSet());
                        }
                    });
                    long each = arguments.get("limit") instanceof Number limit ? Math.max(1, limit.longValue()) : 1;
                    total += count(object, below, endpoint.orElse(producedBy), Math.min(Integer.MAX_VALUE, items * each), false);
                }
                total = Math.min(total, Integer.MAX_VALUE);
            }
            return total;
        }

        private void collect(SelectionSet selections, Map<String, List<Field>> into) {
            for (Selection<?> selection : selections.getSelections()) {
                if (selection instanceof Field field) {
                    into.computeIfAbsent(field.getResultKey(), key -> new ArrayList<>(1)).add(field);
                } else if (selection instanceof InlineFragment inline) {
                    collect(inline.getSelectionSet(), into);
                } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                    collect(fragments.get(spread.getName()).getSelectionSet(), into);
                }
            }
        }

        /** The field's arguments with variables and defaults filled in, as graphql-java will pass them. */
        private Map<String, Object> arguments(GraphQLFieldDefinition definition, Field field) {
            if (definition.getArguments().isEmpty()) {
                return Map.of();
            }
            try {
                return ValuesResolver.getArgumentValues(schema.getCodeRegistry(), definition.getArguments(), field.getArguments(),
                        variables, GraphQLContext.getDefault(), LOCALE);
            } catch (RuntimeException doesNotCoerce) {
                return Map.of(); // graphql-java reports it its own way
            }
        }

        private void check(Map<String, Object> arguments) {
            if (arguments.get("page") instanceof Number page && page.longValue() < 1) {
                broken.add("page must be 1 or more");
            }
            if (arguments.get("limit") instanceof Number limit && (limit.longValue() < 1 || limit.longValue() > MAX_LIMIT)) {
                broken.add("limit must be between 1 and " + MAX_LIMIT);
            }
            for (String name : List.of("key", "id")) {
                if (arguments.get(name) instanceof String value && value.isBlank()) {
                    broken.add(name + " must not be blank");
                }
            }
        }
    }
}
