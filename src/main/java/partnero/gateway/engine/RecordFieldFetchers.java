package partnero.gateway.engine;

import java.lang.reflect.Method;
import java.time.OffsetDateTime;
import java.util.Set;

import graphql.GraphQLException;
import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.FieldHelper;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.spi.DataFetcherService;
import partnero.gateway.codec.IsoDateTimes;

/**
 * Reads the fields of the output records marked {@link AccessorFields} with a plain accessor call.
 * <p>
 * SmallRye GraphQL's own field fetcher first fills a per-field request context (the field's path
 * as a string, its selected sub-fields as JSON, its arguments) for resolvers that could ask for it.
 * Record accessors never do, and a page of customers has some 150 fields: that bookkeeping was the
 * largest single cost of a cached answer (docs/performance.md). A value SmallRye would convert on
 * the way out (a {@code DateTime}, anything adapted or mapped) still goes through SmallRye's own
 * {@link FieldHelper}, and whether it would is asked of SmallRye itself ({@link SmallRyeConversions}),
 * so the output is byte for byte SmallRye's.
 * <p>
 * Found through {@code META-INF/services}; SmallRye asks every such service for a fetcher of each
 * field and uses its own for the fields this one leaves alone (returns null for).
 */
public class RecordFieldFetchers implements DataFetcherService {

    /**
     * Object types the schema serves whose fields SmallRye fetches as it does by default (none today).
     * A type that is neither here nor marked {@link AccessorFields} fails the engine's guard test.
     */
    public static final Set<String> LEFT_TO_SMALLRYE = Set.of();

    @Override
    public Integer getPriority() {
        return 100;
    }

    @Override
    public PlugableDataFetcher<?> getFieldDataFetcher(Field field, Type type, Reference owner) {
        if (field.getMethodName() == null || !isMarked(owner.getClassName())) {
            return null;
        }
        return new AccessorFetcher(owner.getClassName(), field);
    }

    private static boolean isMarked(String className) {
        try {
            return ClassloadingService.get().loadClass(className).isAnnotationPresent(AccessorFields.class);
        } catch (RuntimeException unknown) {
            return false; // not a class of ours: SmallRye's own fetcher
        }
    }

    /** The accessor fetcher a type's field gets; public for the engine's guard test. */
    public static final class AccessorFetcher implements PlugableDataFetcher<Object>, TrivialDataFetcher<Object> {

        private final String ownerClass;
        private final String accessor;
        private final FieldHelper conversion;
        private final boolean readsWithoutEnvironment;
        private final boolean isoDateTime;
        private volatile Method method; // looked up at first use, like SmallRye's own fetcher

        AccessorFetcher(String ownerClass, Field field) {
            this.ownerClass = ownerClass;
            this.accessor = field.getMethodName();
            SmallRyeConversions conversions = new SmallRyeConversions(field);
            this.conversion = conversions.apply() ? new FieldHelper(field) : null;
            this.readsWithoutEnvironment = conversion == null || conversions.transformsOnly();
            this.isoDateTime = conversion != null && readsWithoutEnvironment && field.getTransformation() == null
                    && OffsetDateTime.class.getName().equals(field.getReference().getClassName());
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            Object value = method().invoke(environment.getSource());
            return conversion == null ? value : conversion.transformOrAdaptResponse(value, environment);
        }

        /**
         * Whether the field's value needs nothing of graphql-java's environment: its accessor's value,
         * at most converted by SmallRye's scalar transformation (a {@code DateTime} formatted, an
         * {@code int} boxed), never adapted. Then {@link #read} is all a {@link CompiledPlan} needs.
         */
        boolean readsPlainly() {
            return readsWithoutEnvironment;
        }

        /** Whether {@link #read} writes the field's {@code DateTime} with {@link IsoDateTimes} instead of SmallRye's transformer. */
        boolean writesIsoDateTime() {
            return isoDateTime;
        }

        /** The field's value on this record, as {@link #get} gives it (for fields that {@link #readsPlainly}). */
        Object read(Object source) {
            try {
                Object value = method().invoke(source);
                if (isoDateTime) { // SmallRye's DateTransformer without a format: ISO_OFFSET_DATE_TIME
                    return value == null ? null : IsoDateTimes.format((OffsetDateTime) value);
                }
                // SmallRye's transformation of an unwrapped scalar does not read the environment (AbstractHelper.recursiveTransform)
                return conversion == null ? value : conversion.transformOrAdaptResponse(value, null);
            } catch (ReflectiveOperationException | io.smallrye.graphql.transformation.AbstractDataFetcherException e) {
                throw new NotPlanned(e.toString());
            }
        }

        private Method method() {
            Method found = method;
            if (found == null) {
                try {
                    found = ClassloadingService.get().loadClass(ownerClass).getMethod(accessor);
                    // a public accessor of a public record: without this, each call re-verified access
                    // (AccessibleObject.slowVerifyAccess, 1-2 % of an answer in the profiles)
                    found.setAccessible(true);
                } catch (ReflectiveOperationException e) {
                    throw new GraphQLException(e);
                }
                method = found;
            }
            return found;
        }
    }

    /**
     * Whether SmallRye would change a field's value on the way out, in SmallRye's own words: its
     * helpers' {@code shouldTransform} and {@code shouldAdapt}, plus any wrapper but a plain list or
     * array (optionals and maps are unwrapped or adapted by SmallRye).
     */
    static final class SmallRyeConversions extends FieldHelper {

        private final Field field;

        SmallRyeConversions(Field field) {
            super(field);
            this.field = field;
        }

        /** A scalar transformation only: no adapter, no wrapper, no optional. */
        boolean transformsOnly() {
            return !shouldAdapt(field) && !field.hasWrapper() && !field.getReference().getClassName().startsWith("java.util.Optional");
        }

        boolean apply() {
            boolean plainWrapper = !field.hasWrapper() || field.getWrapper().isCollection() || field.getWrapper().isArray();
            return shouldTransform(field) || shouldAdapt(field) || !plainWrapper
                    || field.getReference().getClassName().startsWith("java.util.Optional");
        }
    }
}
