package partnero.gateway.customer;

import java.lang.reflect.Method;

import graphql.GraphQLException;
import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.FieldHelper;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.spi.DataFetcherService;

/**
 * Reads the fields of this package's output records ({@link Customer}, {@link CustomerPage},
 * {@link PageInfo}) with a plain accessor call.
 * <p>
 * SmallRye GraphQL's own field fetcher first fills a per-field request context (the field's path
 * as a string, its selected sub-fields as JSON, its arguments) for resolvers that could ask for it.
 * These fields are record accessors that never do, and a page of customers has some 150 of them:
 * that bookkeeping was the largest single cost of a cached answer (see README, "Performance").
 * Values that need a conversion on the way out, the {@code DateTime} fields, still go through
 * SmallRye's {@link FieldHelper}, so the output is byte for byte what it was.
 * <p>
 * Found through {@code META-INF/services}; SmallRye asks every such service for a fetcher of each
 * field and uses its own for the fields this one leaves alone (returns null for).
 */
public class RecordFieldFetchers implements DataFetcherService {

    private static final String OWN_PACKAGE = Customer.class.getPackageName() + ".";

    @Override
    public Integer getPriority() {
        return 100;
    }

    @Override
    public PlugableDataFetcher<?> getFieldDataFetcher(Field field, Type type, Reference owner) {
        if (!owner.getClassName().startsWith(OWN_PACKAGE) || field.getMethodName() == null) {
            return null;
        }
        return new AccessorFetcher(owner.getClassName(), field);
    }

    /** Calls the record accessor; converts the value only where SmallRye would. */
    static final class AccessorFetcher implements PlugableDataFetcher<Object>, TrivialDataFetcher<Object> {

        private final String ownerClass;
        private final String accessor;
        private final FieldHelper conversion;
        private volatile Method method; // looked up at first use, like SmallRye's own fetcher

        AccessorFetcher(String ownerClass, Field field) {
            this.ownerClass = ownerClass;
            this.accessor = field.getMethodName();
            this.conversion = needsConversion(field) ? new FieldHelper(field) : null;
        }

        private static boolean needsConversion(Field field) {
            Reference reference = field.getReference();
            boolean convertedScalar = reference.getType() == ReferenceType.SCALAR
                    && !reference.getClassName().equals(reference.getGraphQLClassName());
            return convertedScalar || field.isAdaptingWith() || field.isAdaptingTo()
                    || reference.isAdaptingWith() || reference.isAdaptingTo()
                    || (field.hasWrapper() && field.getWrapper().isMap());
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            Object value = method().invoke(environment.getSource());
            return conversion == null ? value : conversion.transformOrAdaptResponse(value, environment);
        }

        private Method method() {
            Method found = method;
            if (found == null) {
                try {
                    found = ClassloadingService.get().loadClass(ownerClass).getMethod(accessor);
                } catch (ReflectiveOperationException e) {
                    throw new GraphQLException(e);
                }
                method = found;
            }
            return found;
        }
    }
}
