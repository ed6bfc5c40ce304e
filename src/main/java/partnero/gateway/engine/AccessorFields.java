package partnero.gateway.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an output record whose fields {@link RecordFieldFetchers} reads with a plain accessor call
 * instead of SmallRye GraphQL's per-field machinery. Every object type the schema serves is either
 * marked so or named in {@link RecordFieldFetchers#LEFT_TO_SMALLRYE}; a test fails otherwise.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AccessorFields {
}
