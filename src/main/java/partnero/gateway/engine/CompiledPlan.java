package partnero.gateway.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.execution.conditional.ConditionalNodes;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import io.smallrye.mutiny.Uni;
import partnero.gateway.engine.RecordFieldFetchers.AccessorFetcher;
import partnero.gateway.engine.SourceFieldFetchers.SourceFetcher;
import partnero.gateway.request.GatewayRequest;

/**
 * One validated query document, compiled for running without graphql-java's per-field execution:
 * what graphql-java would do for the operation's fields, done by a walk over the document with
 * every field's resolver, accessor and type looked up once, here. It covers what the gateway's
 * schema needs: root fields answered by a {@code Uni} resolver ({@link RootResolvers}), the graph's
 * nested fields answered by their plain fetcher ({@link SourceFieldFetchers}, with the operation
 * handed to them as graphql-java would: {@link FieldOperation}), fields of {@link AccessorFields}
 * records, lists, scalars and enums, {@code __typename}, aliases, fragments (named and inline, on the
 * field's own type), field merging and {@code @skip}/{@code @include}. A plan with nested fields first
 * measures the operation again with the request's variables, as the engine's limits do
 * ({@link OperationLimits}: a nested {@code limit} may be a variable), and leaves a request over a
 * limit or breaking an input rule to the engine, which refuses it; then it resolves every nested field
 * (all at once, each upstream call made once per request by the calls themselves), then writes.
 * A document with anything else (introspection, other directives, abstract types, mutations) is
 * not compiled, and graphql-java runs it as always.
 * <p>
 * The answer is written with Jackson's UTF-8 generator, made to write exactly what SmallRye GraphQL's
 * JSON-P writer writes (numbers as {@code JsonNumber} prints them, strings escaped as
 * {@link ParssonEscapes} says: JSON-P's writer goes a character at a time, which costs an engine run
 * a tenth of its time natively), leaf values coerced by the schema's own scalars and variables and
 * arguments by graphql-java's own {@link ValuesResolver}, so a plan's answer is byte for byte
 * graphql-java's (a differential test
 * compares them, {@code CompiledPlanDifferentialTest}). It only ever produces complete answers:
 * whenever graphql-java would report an error (variables that do not coerce, a resolver that
 * fails, a null where the schema promises a value), the plan gives up with {@link NotPlanned} and
 * the request runs through graphql-java, which reports it its own way.
 */
final class CompiledPlan {

    private static final JsonFactory JSON = new JsonFactoryBuilder().characterEscapes(new ParssonEscapes())
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8) // JSON-P writes them as four UTF-8 bytes too
            .build();
    private static final ConditionalNodes CONDITIONS = new ConditionalNodes();
    private static final Locale LOCALE = Locale.getDefault();
    private static final Logger LOG = Logger.getLogger(CompiledPlan.class);
    private static final SerializedString DATA = new SerializedString("data");

    private final GraphQLSchema schema;
    private final OperationDefinition operation;
    private final Map<String, FragmentDefinition> fragments;
    /** Every field of the operation and of its fragments, by identity: what answers it. */
    private final Map<Field, Step> steps;
    /** The fields with a nested resolver at or below them, by identity: where a run must wait for values. */
    private final Set<Field> nestedBelow;
    private final EngineConfig.Limits limits;
    private final String operationName;
    /**
     * The fields below each field list (or below the operation) on each object type, where no
     * {@code @skip} or {@code @include} decided them: the same in every run and for every item of a
     * list, so collected once (collecting them again for each of 15 customers and their partners was 6 %
     * of a nested engine run natively). Keys are the document's own lists, so their number is bounded
     * by the document.
     */
    private final Map<CollectedKey, Member[]> collectedOnce = new ConcurrentHashMap<>();
    /** Whether an operation without variables was found within the limits: the same in every run, so measured once. */
    private volatile boolean withinLimitsWithoutVariables;

    /** How one field of the document gets its value. */
    private sealed interface Step {
        GraphQLFieldDefinition definition();
    }

    /** A root field: its resolver, called with its arguments. */
    private record RootCall(GraphQLFieldDefinition definition, RootResolvers.Resolver resolver) implements Step {
    }

    /** A field of a record: its accessor. */
    private record Accessor(GraphQLFieldDefinition definition, AccessorFetcher fetcher) implements Step {
    }

    /** {@code __typename}. */
    private record TypeName(GraphQLFieldDefinition definition) implements Step {
    }

    /** A nested field of the graph: its plain fetcher, called with its source and arguments. */
    private record NestedCall(GraphQLFieldDefinition definition, SourceFetcher fetcher) implements Step {
    }

    /**
     * One response key of an object: its fields (merged), what answers them, and its name as the answer
     * writes it, encoded once ({@link #collected}).
     */
    private record Member(SerializedString name, List<Field> fields, Step step) {
        Member {
            if (step == null) {
                throw new NotPlanned("a field without a step: " + fields.get(0).getName());
            }
        }
    }

    private CompiledPlan(GraphQLSchema schema, OperationDefinition operation, Map<String, FragmentDefinition> fragments,
            Map<Field, Step> steps, Set<Field> nestedBelow, EngineConfig.Limits limits) {
        this.schema = schema;
        this.operation = operation;
        this.fragments = fragments;
        this.steps = steps;
        this.nestedBelow = nestedBelow;
        this.limits = limits;
        this.operationName = OperationTelemetry.loggedName(operation.getName());
    }

    /** A document's plan, or why it has none (a short reason: {@code nested-resolver}, {@code introspection}, ...). */
    record Compiled(Optional<CompiledPlan> plan, String notCompiledBecause) {
    }

    /**
     * The plan for an operation graphql-java has parsed, validated and run; none, with the reason,
     * when the operation uses anything a plan does not cover.
     */
    static Compiled compile(GraphQLSchema schema, OperationDefinition operation,
            Map<String, FragmentDefinition> fragments, RootResolvers resolvers, EngineConfig.Limits limits) {
        if (operation.getOperation() != OperationDefinition.Operation.QUERY || !onlyConditions(operation)
                || operation.getVariableDefinitions().stream().anyMatch(variable -> !variable.getDirectives().isEmpty())) {
            return new Compiled(Optional.empty(), "operation");
        }
        Compiler compiler = new Compiler(schema, fragments, resolvers);
        if (!compiler.selections(operation.getSelectionSet(), schema.getQueryType(), true)) {
            LOG.debugf("Operation %s not compiled: %s", OperationTelemetry.loggedName(operation.getName()), compiler.refused);
            return new Compiled(Optional.empty(), compiler.reason);
        }
        return new Compiled(Optional.of(new CompiledPlan(schema, operation, fragments, compiler.steps, compiler.nestedBelow, limits)),
                null);
    }

    /** The operation's name as logged. */
    String operationName() {
        return operationName;
    }

    /**
     * Runs the operation with these variables (SmallRye's reading of the request's JSON) for this
     * request: the answer's bytes, or a failure ({@link NotPlanned}, or what a resolver failed with).
     */
    Uni<byte[]> run(Map<String, Object> variables, GatewayRequest request) {
        CoercedVariables coerced;
        Member[] rootFields;
        List<Uni<Object>> values = new ArrayList<>();
        try {
            coerced = ValuesResolver.coerceVariableValues(schema, operation.getVariableDefinitions(),
                    RawVariables.of(variables), GraphQLContext.getDefault(), LOCALE);
            if (!nestedBelow.isEmpty()) {
                withinLimits(coerced);
            }
            rootFields = collected(new CollectedKey(operation, schema.getQueryType()), List.of(operation.getSelectionSet()), coerced);
            for (Member member : rootFields) {
                values.add(rootValue(member, coerced));
            }
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e instanceof NotPlanned ? e : new NotPlanned(e.toString()));
        }
        Uni<List<Object>> roots = values.isEmpty() ? Uni.createFrom().item(List.of()) : Uni.join().all(values).andFailFast();
        if (nestedBelow.isEmpty()) {
            return roots.map(results -> answer(rootFields, results, coerced, null));
        }
        Nested nested = new Nested(GraphQLContext.newContext().of(OperationTelemetry.OPERATION, request).build());
        return roots.flatMap(results -> {
            List<Uni<Void>> pending = new ArrayList<>();
            int index = 0;
            for (Member member : rootFields) {
                Object value = results.get(index++);
                if (hasNestedBelow(member.fields())) {
                    resolveBelow(member.step().definition().getType(), member.fields(), value, coerced, nested, pending);
                }
            }
            return all(pending).map(ignored -> answer(rootFields, results, coerced, nested));
        });
    }

    /**
     * What the engine's limits say of the operation with these variables: over one, or an input rule
     * broken, the engine answers. An operation without variables measures the same every time: once
     * found within the limits, it is not measured again.
     */
    private void withinLimits(CoercedVariables variables) {
        if (withinLimitsWithoutVariables) {
            return;
        }
        OperationShape.Measured measured = OperationShape.measured(schema, schema.getQueryType(), operation.getSelectionSet(),
                fragments, variables);
        if (!measured.brokenRules().isEmpty() || OperationLimits.Limits.excess(measured.shape(), limits) != null) {
            throw new NotPlanned("over a limit, or an input rule broken, with these variables");
        }
        withinLimitsWithoutVariables = operation.getVariableDefinitions().isEmpty();
    }

    /** The values of one run's nested fields, by source object and field (both by identity); written from any thread. */
    private record Nested(GraphQLContext context, Map<Slot, Object> values) {

        private static final Object NULL = new Object();

        Nested(GraphQLContext context) {
            this(context, new ConcurrentHashMap<>());
        }

        void put(Object source, Field field, Object value) {
            values.put(new Slot(source, field), value == null ? NULL : value);
        }

        Object get(Object source, Field field) {
            Object value = values.get(new Slot(source, field));
            if (value == null) {
                throw new NotPlanned("a nested field without its value: " + field.getName());
            }
            return value == NULL ? null : value;
        }
    }

    /** A nested field's place in the answer: its source object and the field, both by identity. */
    private record Slot(Object source, Field field) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Slot slot && source == slot.source && field == slot.field;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(source) * 31 + System.identityHashCode(field);
        }

        @Override
        public String toString() {
            return "Slot[" + field.getName() + "]";
        }
    }

    private boolean hasNestedBelow(List<Field> fields) {
        for (Field field : fields) {
            if (nestedBelow.contains(field)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Calls the nested resolvers at and below a field's value, each as soon as its source is there,
     * adding what to wait for to {@code pending}.
     */
    private void resolveBelow(GraphQLOutputType type, List<Field> fields, Object value, CoercedVariables variables, Nested nested,
            List<Uni<Void>> pending) {
        if (value == null) {
            return;
        }
        GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
        if (bare instanceof GraphQLList list) {
            if (value instanceof Iterable<?> items) {
                for (Object item : items) {
                    resolveBelow((GraphQLOutputType) list.getWrappedType(), fields, item, variables, nested, pending);
                }
            }
            return;
        }
        if (!(bare instanceof GraphQLObjectType object)) {
            return;
        }
        for (Member member : fieldsBelow(fields, object, variables)) {
            List<Field> subFields = member.fields();
            if (!hasNestedBelow(subFields)) {
                continue;
            }
            Step step = member.step();
            GraphQLOutputType subType = step.definition().getType();
            if (step instanceof Accessor accessor) {
                resolveBelow(subType, subFields, accessor.fetcher().read(value), variables, nested, pending);
            } else if (step instanceof NestedCall call) {
                Field field = subFields.get(0);
                Map<String, Object> arguments = field.getArguments().isEmpty() ? Map.of()
                        : ValuesResolver.getArgumentValues(schema.getCodeRegistry(), call.definition().getArguments(),
                                field.getArguments(), variables, GraphQLContext.getDefault(), LOCALE);
                DataFetchingEnvironment environment = DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                        .source(value).arguments(arguments).graphQLContext(nested.context()).build();
                pending.add(call.fetcher().resolve(environment).flatMap(item -> {
                    nested.put(value, field, item);
                    List<Uni<Void>> deeper = new ArrayList<>();
                    resolveBelow(subType, subFields, item, variables, nested, deeper);
                    return all(deeper);
                }));
            }
        }
    }

    private static Uni<Void> all(List<Uni<Void>> pending) {
        return pending.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(pending).andFailFast().replaceWithVoid();
    }

    private Uni<Object> rootValue(Member member, CoercedVariables variables) {
        Field field = member.fields().get(0);
        Step step = member.step();
        if (step instanceof TypeName) {
            return Uni.createFrom().item(schema.getQueryType().getName());
        }
        if (!(step instanceof RootCall call)) {
            throw new NotPlanned("not a root field: " + field.getName());
        }
        Map<String, Object> arguments = ValuesResolver.getArgumentValues(schema.getCodeRegistry(),
                call.definition().getArguments(), field.getArguments(), variables, GraphQLContext.getDefault(), LOCALE);
        return call.resolver().call(arguments);
    }

    private byte[] answer(Member[] rootFields, List<Object> values, CoercedVariables variables, Nested nested) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (JsonGenerator json = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            Out out = new Out(json);
            json.writeStartObject();
            json.writeFieldName(DATA);
            json.writeStartObject();
            int index = 0;
            for (Member member : rootFields) {
                json.writeFieldName(member.name());
                complete(out, member.step().definition().getType(), member.fields(), values.get(index++), variables, nested);
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException | UncheckedIOException e) {
            throw new NotPlanned("the answer could not be written: " + e); // a lone surrogate in a string, say
        }
        return bytes.toByteArray();
    }

    /** Writes one field's value as graphql-java completes it; {@link NotPlanned} where graphql-java would report an error. */
    private void complete(Out out, GraphQLOutputType type, List<Field> fields, Object value, CoercedVariables variables,
            Nested nested) throws IOException {
        JsonGenerator json = out.json;
        if (value == null) {
            if (GraphQLTypeUtil.isNonNull(type)) {
                throw new NotPlanned("null for a non-null field");
            }
            json.writeNull();
            return;
        }
        GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
        if (bare instanceof GraphQLList list) {
            if (!(value instanceof Iterable<?> items)) {
                throw new NotPlanned("a list field whose value is no Iterable");
            }
            json.writeStartArray();
            for (Object item : items) {
                complete(out, (GraphQLOutputType) list.getWrappedType(), fields, item, variables, nested);
            }
            json.writeEndArray();
        } else if (bare instanceof GraphQLScalarType scalar) {
            leaf(out, scalar.getCoercing().serialize(value, GraphQLContext.getDefault(), LOCALE), type);
        } else if (bare instanceof GraphQLEnumType enumType) {
            leaf(out, enumType.serialize(value, GraphQLContext.getDefault(), LOCALE), type);
        } else if (bare instanceof GraphQLObjectType object) {
            json.writeStartObject();
            for (Member member : fieldsBelow(fields, object, variables)) {
                List<Field> subFields = member.fields();
                Step step = member.step();
                Object subValue;
                if (step instanceof Accessor accessor) {
                    subValue = accessor.fetcher().read(value);
                } else if (step instanceof TypeName) {
                    subValue = object.getName();
                } else if (step instanceof NestedCall && nested != null) {
                    subValue = nested.get(value, subFields.get(0));
                } else {
                    throw new NotPlanned("a resolver below the root");
                }
                json.writeFieldName(member.name());
                complete(out, step.definition().getType(), subFields, subValue, variables, nested);
            }
            json.writeEndObject();
        } else {
            throw new NotPlanned("type " + bare);
        }
    }

    /**
     * A scalar's serialized value, written as SmallRye GraphQL writes it ({@code ExecutionResponse.toJsonValue}
     * through JSON-P): numbers as JSON-P's {@code JsonNumber} prints them ({@code BigDecimal.toString}
     * for a double or a float), strings escaped as {@link ParssonEscapes} says.
     */
    private static void leaf(Out out, Object serialized, GraphQLOutputType type) throws IOException {
        JsonGenerator json = out.json;
        if (serialized == null) {
            if (GraphQLTypeUtil.isNonNull(type)) {
                throw new NotPlanned("null for a non-null field");
            }
            json.writeNull();
        } else if (serialized instanceof String text) {
            out.string(text);
        } else if (serialized instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (serialized instanceof Integer || serialized instanceof Short || serialized instanceof Byte) {
            json.writeNumber(((Number) serialized).intValue());
        } else if (serialized instanceof Long number) {
            json.writeNumber(number.longValue());
        } else if (serialized instanceof Double number) {
            json.writeNumber(BigDecimal.valueOf(number.doubleValue()));
        } else if (serialized instanceof Float number) {
            json.writeNumber(new BigDecimal(String.valueOf(number.floatValue())));
        } else if (serialized instanceof BigDecimal number) {
            json.writeNumber(number);
        } else if (serialized instanceof BigInteger number) {
            json.writeNumber(number);
        } else {
            throw new NotPlanned("a scalar value of " + serialized.getClass());
        }
    }

    /** The fields below these (one response key's) on this object type: {@link #collected}. */
    private Member[] fieldsBelow(List<Field> fields, GraphQLObjectType object, CoercedVariables variables) {
        CollectedKey key = new CollectedKey(fields, object);
        Member[] known = collectedOnce.get(key);
        if (known != null) {
            return known;
        }
        List<SelectionSet> selections = new ArrayList<>(fields.size());
        fields.forEach(field -> selections.add(field.getSelectionSet()));
        return collected(key, selections, variables);
    }

    /**
     * The fields of these selection sets on the key's object type by response key, in document order,
     * as graphql-java collects them: skipped and excluded selections left out, fragments expanded,
     * fields with one response key merged; each response key with what answers it and its name
     * encoded for the answer ({@link Member}). Kept for the next run when no condition decided them; the
     * array is never changed once returned.
     */
    private Member[] collected(CollectedKey key, List<SelectionSet> selectionSets, CoercedVariables variables) {
        Member[] known = collectedOnce.get(key);
        if (known != null) {
            return known;
        }
        Map<String, List<Field>> fields = new LinkedHashMap<>();
        boolean conditional = false;
        for (SelectionSet selections : selectionSets) {
            conditional |= collect(selections, key.type(), variables, fields);
        }
        Member[] members = new Member[fields.size()];
        int index = 0;
        for (Map.Entry<String, List<Field>> entry : fields.entrySet()) {
            members[index++] = new Member(new SerializedString(entry.getKey()), entry.getValue(), steps.get(entry.getValue().get(0)));
        }
        if (!conditional) {
            collectedOnce.putIfAbsent(key, members);
        }
        return members;
    }

    /** Collects into {@code into}; whether a {@code @skip} or {@code @include} was consulted on the way. */
    private boolean collect(SelectionSet selections, GraphQLObjectType type, CoercedVariables variables, Map<String, List<Field>> into) {
        if (selections == null) {
            return false;
        }
        boolean conditional = false;
        for (Selection<?> selection : selections.getSelections()) {
            conditional |= !((DirectivesContainer<?>) selection).getDirectives().isEmpty();
            if (!included((DirectivesContainer<?>) selection, variables)) {
                continue;
            }
            if (selection instanceof Field field) {
                into.computeIfAbsent(field.getResultKey(), key -> new ArrayList<>(1)).add(field);
            } else if (selection instanceof InlineFragment inline) {
                conditional |= collect(inline.getSelectionSet(), type, variables, into);
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                conditional |= !fragment.getDirectives().isEmpty();
                if (included(fragment, variables)) {
                    conditional |= collect(fragment.getSelectionSet(), type, variables, into);
                }
            }
        }
        return conditional;
    }

    /**
     * Where collected fields sit: below a list of fields (equal lists hold the same fields, as graphql-java's
     * nodes are equal only to themselves) or below the operation, on one object type (by identity).
     */
    private record CollectedKey(Object below, GraphQLObjectType type) {
        @Override
        public boolean equals(Object other) {
            return other instanceof CollectedKey key && type == key.type && below.equals(key.below);
        }

        @Override
        public int hashCode() {
            return below.hashCode() * 31 + System.identityHashCode(type);
        }

        @Override
        public String toString() {
            return "CollectedKey[" + type.getName() + "]";
        }
    }

    private boolean included(DirectivesContainer<?> element, CoercedVariables variables) {
        return element.getDirectives().isEmpty()
                || CONDITIONS.shouldInclude(element, variables.toMap(), schema, GraphQLContext.getDefault());
    }

    /** Whether the only directives on this operation, field or fragment are {@code @skip} and {@code @include}. */
    private static boolean onlyConditions(DirectivesContainer<?> element) {
        return element.getDirectives().stream().allMatch(CompiledPlan::isCondition);
    }

    private static boolean isCondition(Directive directive) {
        return directive.getName().equals("skip") || directive.getName().equals("include");
    }

    /**
     * Where one answer is written. Strings go to the generator from a buffer of characters: given a
     * {@code String}, Jackson reads it a {@code charAt} at a time, which the native executable calls
     * rather than inlines (the two were 6 % of a native engine run); given characters, it reads an
     * array. The same bytes either way, escapes included.
     */
    private static final class Out {

        final JsonGenerator json;
        private char[] chars = new char[64];

        Out(JsonGenerator json) {
            this.json = json;
        }

        void string(String text) throws IOException {
            int length = text.length();
            if (length > chars.length) {
                chars = new char[Math.max(length, chars.length * 2)];
            }
            text.getChars(0, length, chars, 0);
            json.writeString(chars, 0, length);
        }
    }

    /**
     * Jackson's string escaping made JSON-P's (Parsson's {@code JsonGeneratorImpl.writeEscapedString}, which
     * SmallRye GraphQL writes with): {@code "}, {@code \\} and the control characters below U+0020
     * are escaped, five of them as {@code \b \t \n \f \r}, the others as {@code \\u00xx} with
     * lower-case hex digits (Jackson's own are upper-case); nothing else is, non-ASCII included.
     * The differential test compares strings with every control character.
     */
    static final class ParssonEscapes extends CharacterEscapes {

        private final int[] ascii = standardAsciiEscapesForJSON();

        ParssonEscapes() {
            for (int c = 0; c < 0x20; c++) {
                if (c != '\b' && c != '\t' && c != '\n' && c != '\f' && c != '\r') {
                    ascii[c] = ESCAPE_CUSTOM;
                }
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // asked for every character above ASCII too: those are written as they are
            return ch < 0x20 ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    /** Looks up what answers each field of the document, or finds what a plan does not cover. */
    private static final class Compiler {

        private final GraphQLSchema schema;
        private final Map<String, FragmentDefinition> fragments;
        private final RootResolvers resolvers;
        private final Map<Field, Step> steps = new IdentityHashMap<>();
        private final Set<Field> nestedBelow = Collections.newSetFromMap(new IdentityHashMap<>());
        private int nestedCalls;
        private String refused;
        private String reason;

        Compiler(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, RootResolvers resolvers) {
            this.schema = schema;
            this.fragments = fragments;
            this.resolvers = resolvers;
        }

        boolean selections(SelectionSet selections, GraphQLObjectType type, boolean root) {
            for (Selection<?> selection : selections.getSelections()) {
                boolean covered;
                if (selection instanceof Field field) {
                    covered = onlyConditions(field) && field(field, type, root);
                } else if (selection instanceof InlineFragment inline) {
                    covered = onlyConditions(inline)
                            && (inline.getTypeCondition() == null || inline.getTypeCondition().getName().equals(type.getName()))
                            && selections(inline.getSelectionSet(), type, root);
                } else if (selection instanceof FragmentSpread spread) {
                    covered = onlyConditions(spread) && fragment(fragments.get(spread.getName()), type, root);
                } else {
                    covered = false;
                }
                if (!covered) {
                    return refuse("directive", "a directive other than @skip and @include, or a fragment on another type");
                }
            }
            return true;
        }

        private boolean fragment(FragmentDefinition fragment, GraphQLObjectType type, boolean root) {
            return fragment != null && onlyConditions(fragment)
                    && fragment.getTypeCondition().getName().equals(type.getName())
                    && selections(fragment.getSelectionSet(), type, root);
        }

        private boolean field(Field field, GraphQLObjectType type, boolean root) {
            if (field.getName().equals("__typename")) {
                steps.put(field, new TypeName(schema.getIntrospectionTypenameFieldDefinition()));
                return true;
            }
            GraphQLFieldDefinition definition = type.getFieldDefinition(field.getName());
            if (definition == null || field.getName().startsWith("__")) {
                return refuse("introspection", "introspection: " + field.getName());
            }
            Step step;
            int nestedBefore = nestedCalls;
            if (root) {
                Optional<RootResolvers.Resolver> resolver = resolvers.of(definition);
                if (resolver.isEmpty()) {
                    return refuse("root-resolver", "a root field without a plain Uni resolver: " + field.getName());
                }
                step = new RootCall(definition, resolver.get());
            } else if (schema.getCodeRegistry().getDataFetcher(type, definition) instanceof SourceFetcher nested) {
                step = new NestedCall(definition, nested);
                nestedCalls++;
            } else if (!field.getArguments().isEmpty()
                    || !(schema.getCodeRegistry().getDataFetcher(type, definition) instanceof AccessorFetcher fetcher)
                    || !fetcher.readsPlainly()) {
                return refuse(OperationShape.declaredEndpoint(definition).isPresent() ? "nested-resolver" : "field",
                        "a field not read by its accessor alone: " + type.getName() + "." + field.getName());
            } else {
                step = new Accessor(definition, fetcher);
            }
            steps.put(field, step);
            GraphQLType result = GraphQLTypeUtil.unwrapAll(definition.getType());
            if (result instanceof GraphQLObjectType object) {
                boolean covered = field.getSelectionSet() != null && selections(field.getSelectionSet(), object, false);
                if (nestedCalls > nestedBefore) {
                    nestedBelow.add(field);
                }
                return covered;
            }
            if (nestedCalls > nestedBefore) {
                nestedBelow.add(field);
            }
            return result instanceof GraphQLScalarType || result instanceof GraphQLEnumType
                    || refuse("abstract-type", "a field of an abstract type: " + type.getName() + "." + field.getName());
        }

        /** Notes why the document is not compiled: a short reason (a metric's tag), the details for the debug log; false. */
        private boolean refuse(String reason, String why) {
            if (refused == null) {
                refused = why;
                this.reason = reason;
            }
            return false;
        }
    }
}
