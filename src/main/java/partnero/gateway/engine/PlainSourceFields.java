package partnero.gateway.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class of {@code @Source} resolvers returning {@code Uni} that need nothing of SmallRye
 * GraphQL's per-fetch context ({@code io.smallrye.graphql.api.Context}, the CDI request context): their
 * fields are fetched by {@link SourceFieldFetchers} with a plain call, and they take their operation
 * from {@link FieldOperation}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PlainSourceFields {
}
