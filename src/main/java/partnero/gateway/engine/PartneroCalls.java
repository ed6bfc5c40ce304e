package partnero.gateway.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.Directive;
import io.smallrye.graphql.api.DirectiveLocation;

/**
 * How many Partnero calls one selection of this root field makes. Every {@code Query} field carries
 * it (0 for one that calls nothing); it is in the printed schema as {@code @partneroCalls(value: N)},
 * so clients can read what a field costs, and {@link OperationShape} reads it from the schema to
 * count an operation's calls against {@code partnero.limits.max-upstream-calls} before it runs.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Directive(on = DirectiveLocation.FIELD_DEFINITION)
@Description("How many calls to Partnero each selection of this field makes; counted against the gateway's per-request limit before anything runs.")
public @interface PartneroCalls {

    /** The name of the directive in the schema. */
    String DIRECTIVE = "partneroCalls";

    @NonNull
    int value();
}
