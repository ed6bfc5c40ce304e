package partnero.gateway.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.Dependent;

import org.dataloader.BatchLoaderEnvironment;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.smallrye.graphql.SmallRyeGraphQLServerMessages;
import io.smallrye.graphql.execution.datafetcher.PlugableBatchableDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.ArgumentHelper;
import io.smallrye.graphql.execution.datafetcher.helper.FieldHelper;
import io.smallrye.graphql.execution.datafetcher.helper.OperationInvoker;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.spi.DataFetcherService;
import io.smallrye.mutiny.Uni;

/**
 * Fetches the graph's nested fields ({@code @Source} resolvers returning {@code Uni}, in classes marked
 * {@link PlainSourceFields}) with a plain call of the resolver, instead of SmallRye GraphQL's
 * asynchronous fetcher.
 * <p>
 * SmallRye's fetcher first fills a per-fetch context for resolvers that could ask for it
 * ({@code SmallRyeContextManager.populateFromDataFetchingEnvironment}: the selected fields built as
 * JSON twice, the path as a string), fires its data-fetch events, reactivates a CDI request context
 * and wraps every step in context propagation. A page of fifteen customers with their partners makes
 * thirty such fetches: the per-fetch context alone was 14 % of an engine run's CPU
 * (docs/performance.md, "The Partnero graph"). These resolvers use none of it: they take their
 * operation from graphql-java ({@link FieldOperation}), which this fetcher hands them for the
 * duration of the call. What SmallRye would still do is done by SmallRye's own helpers: the
 * arguments by {@link ArgumentHelper} (the source included), the value by {@link FieldHelper}, a
 * failure as the same {@code DataFetcherException} its fetcher fails with, so that its exception
 * handler reports it as before. The resolver's bean is looked up once, on the first fetch, where
 * SmallRye's invoker looks it up in CDI on every fetch (3 % of a nested engine run's CPU on the JVM);
 * a {@code @Dependent} bean, a new one each call, is still looked up each time.
 * <p>
 * Used only while SmallRye does nothing more around a fetch than this ({@code CompiledPlans}' list:
 * no tracing, no SmallRye metrics, events or payload logging); found through {@code META-INF/services}.
 */
public class SourceFieldFetchers implements DataFetcherService {

    @Override
    public Integer getPriority() {
        return 0; // before Quarkus' own service (1), which answers every operation
    }

    @Override
    public PlugableBatchableDataFetcher<?, ?> getUniDataFetcher(Operation operation, Type type) {
        if (!operation.isSourceField() || !isMarked(operation.getClassName()) || CompiledPlans.engineDoesMore().isPresent()) {
            return null;
        }
        return new SourceFetcher(operation);
    }

    private static boolean isMarked(String className) {
        try {
            return ClassloadingService.get().loadClass(className).isAnnotationPresent(PlainSourceFields.class);
        } catch (RuntimeException unknown) {
            return false;
        }
    }

    /** The fetcher of one nested field; public for the engine's guard test. */
    public static final class SourceFetcher implements PlugableBatchableDataFetcher<Object, Object> {

        private static final Object PER_CALL = new Object();

        private final Operation operation;
        private final ArgumentHelper arguments;
        private final FieldHelper value;
        private final OperationInvoker invoker; // SmallRye's own: finds the method, natively too
        private final Method method;
        // Made with the schema (natively, while the image is built), before CDI runs: the bean comes at
        // the first fetch; PER_CALL for a @Dependent bean, which SmallRye's invoker makes anew each call.
        private volatile Object bean;

        SourceFetcher(Operation operation) {
            this.operation = operation;
            this.arguments = new ArgumentHelper(operation.getArguments());
            this.value = new FieldHelper(operation);
            this.invoker = new OperationInvoker(operation);
            this.method = invoker.getMethod();
        }

        /** The resolver called on its bean (its interceptors apply); a {@code @Dependent} one through SmallRye's invoker. */
        private Object invoke(Object[] values) throws Exception {
            Object target = bean;
            if (target == null) {
                target = bean = sharedBean();
            }
            return target == PER_CALL ? invoker.invoke(values) : method.invoke(target, values);
        }

        private Object sharedBean() {
            InstanceHandle<?> handle = Arc.container().instance(method.getDeclaringClass());
            if (handle.getBean() == null || Dependent.class.equals(handle.getBean().getScope())) {
                handle.destroy();
                return PER_CALL;
            }
            return handle.get();
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            CompletionStage<Object> result = resolve(environment).subscribeAsCompletionStage()
                    .thenApply(item -> DataFetcherResult.newResult().data(item).build());
            return result.exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                    SmallRyeGraphQLServerMessages.msg.dataFetcherException(operation, unwrap(failure))));
        }

        /**
         * The resolver's value for the field this environment describes (its source and arguments; its
         * {@code GraphQLContext} carries the operation, {@link FieldOperation}), as SmallRye turns it into
         * the field's: what this fetcher answers graphql-java with, and what a compiled plan writes.
         * Unsubscribed; the resolver itself is called now.
         */
        @SuppressWarnings("unchecked")
        Uni<Object> resolve(DataFetchingEnvironment environment) {
            Uni<Object> answer;
            FieldOperation.Handed handed = FieldOperation.hand(environment);
            try {
                answer = (Uni<Object>) invoke(arguments.getArguments(environment).toArray());
            } catch (InvocationTargetException e) {
                answer = Uni.createFrom().failure(e.getCause());
            } catch (Exception e) {
                answer = Uni.createFrom().failure(e);
            } finally {
                handed.close();
            }
            return answer.map(item -> {
                try {
                    return value.transformOrAdaptResponse(item, environment);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
        }

        @Override
        public CompletionStage<List<Object>> load(List<Object> keys, BatchLoaderEnvironment environment) {
            throw new IllegalStateException("the graph's nested fields are not batch resolvers: " + operation.getName());
        }

        private static Throwable unwrap(Throwable failure) {
            Throwable cause = failure;
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause;
        }
    }
}
