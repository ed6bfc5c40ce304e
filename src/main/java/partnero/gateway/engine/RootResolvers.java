package partnero.gateway.engine;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.GraphQLFieldDefinition;
import io.quarkus.arc.Arc;
import io.smallrye.graphql.execution.datafetcher.helper.ArgumentHelper;
import io.smallrye.graphql.schema.model.Argument;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Schema;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.transformation.AbstractDataFetcherException;
import io.smallrye.mutiny.Uni;

/**
 * The Java methods behind the schema's root query fields, for {@link CompiledPlan}s to call the way
 * SmallRye GraphQL's own {@code Uni} fetcher calls them: on the CDI bean (so its interceptors
 * apply), with the arguments graphql-java coerced, converted by SmallRye's {@link ArgumentHelper}. Only
 * what needs no conversion by SmallRye is called this way: a non-blocking method returning
 * {@code Uni} whose arguments are plain {@code String}, {@code Integer} or {@code Boolean} without a
 * transformation, an adapter, a wrapper or a validation constraint. Anything else is left to
 * graphql-java (the plan is not compiled).
 */
final class RootResolvers {

    private static final Set<Class<?>> PLAIN_ARGUMENTS = Set.of(String.class, Integer.class, Boolean.class);

    private final Map<String, Operation> queries = new HashMap<>();

    RootResolvers(Schema model) {
        for (Operation query : model.getQueries()) {
            queries.put(query.getName(), query);
        }
    }

    /** A root field's resolver, bound to its bean. */
    static final class Resolver {

        private final Object bean;
        private final Method method;
        private final ArgumentHelper arguments;

        Resolver(Object bean, Method method, List<Argument> arguments) {
            this.bean = bean;
            this.method = method;
            this.arguments = new ArgumentHelper(arguments);
        }

        /**
         * Calls the resolver with graphql-java's argument values, turned into the method's by SmallRye's
         * own {@link ArgumentHelper} (a schema default arrives as a {@code BigDecimal}, say); the
         * {@code Uni} it returns, unsubscribed.
         */
        @SuppressWarnings("unchecked")
        Uni<Object> call(Map<String, Object> values) {
            try {
                DataFetchingEnvironment environment = DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                        .arguments(values).build();
                return (Uni<Object>) method.invoke(bean, arguments.getArguments(environment).toArray());
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure : new NotPlanned(e.toString());
            } catch (IllegalAccessException | AbstractDataFetcherException | IllegalArgumentException e) {
                throw new NotPlanned(e.toString());
            }
        }
    }

    /** The resolver of this root query field; empty when a plan cannot call it. */
    Optional<Resolver> of(GraphQLFieldDefinition field) {
        Operation query = queries.get(field.getName());
        if (query == null || query.isSourceField() || query.getArguments().stream().anyMatch(argument -> !plain(argument))) {
            return Optional.empty();
        }
        Class<?> owner;
        try {
            owner = ClassloadingService.get().loadClass(query.getClassName());
        } catch (RuntimeException unknown) {
            return Optional.empty();
        }
        List<Method> candidates = new ArrayList<>();
        for (Method method : owner.getMethods()) {
            if (method.getName().equals(query.getMethodName()) && method.getParameterCount() == query.getArguments().size()) {
                candidates.add(method);
            }
        }
        if (candidates.size() != 1 || !callable(candidates.get(0), query.getArguments()) || readsTheGraphQLContext(owner)) {
            return Optional.empty();
        }
        var bean = Arc.container().instance(owner);
        if (!bean.isAvailable()) {
            return Optional.empty();
        }
        return Optional.of(new Resolver(bean.get(), candidates.get(0), query.getArguments()));
    }

    /** A resolver bean that injects SmallRye's {@code Context} reads what only SmallRye's own fetcher fills in. */
    private static boolean readsTheGraphQLContext(Class<?> owner) {
        for (java.lang.reflect.Field field : owner.getDeclaredFields()) {
            if (field.getType().getName().startsWith("io.smallrye.graphql.api.Context")) {
                return true;
            }
        }
        for (java.lang.reflect.Constructor<?> constructor : owner.getDeclaredConstructors()) {
            for (Class<?> parameter : constructor.getParameterTypes()) {
                if (parameter.getName().startsWith("io.smallrye.graphql.api.Context")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean plain(Argument argument) {
        return !argument.isSourceArgument() && !argument.hasWrapper() && !argument.hasTransformation()
                && !argument.isAdaptingTo() && !argument.isAdaptingWith();
    }

    /** Non-blocking, returns a {@code Uni}, takes only plain, unconstrained arguments of the model's types. */
    private static boolean callable(Method method, List<Argument> arguments) {
        if (!Uni.class.equals(method.getReturnType()) || hasAnnotationFrom(method.getAnnotations(), "io.smallrye.common.annotation.")) {
            return false; // @Blocking, @RunOnVirtualThread: SmallRye would move the call to another thread
        }
        Class<?>[] types = method.getParameterTypes();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < types.length; i++) {
            if (!PLAIN_ARGUMENTS.contains(types[i]) || !types[i].getName().equals(arguments.get(i).getReference().getClassName())
                    || hasAnnotationFrom(annotations[i], "jakarta.validation.")) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasAnnotationFrom(Annotation[] annotations, String packagePrefix) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getName().startsWith(packagePrefix)) {
                return true;
            }
        }
        return false;
    }
}
