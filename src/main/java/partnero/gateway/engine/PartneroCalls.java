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
 * Which Partnero endpoint a field calls, and how many calls one selection of it makes. Every field
 * answered by a resolver rather than read from its record carries it: every {@code Query} field (0
 * calls for one that calls nothing) and every nested field of the graph ({@code Customer.partner},
 * {@code Partner.stats}, ...). It is in the printed schema as
 * {@code @partneroCalls(value: 1, endpoint: "GET /partners/{id}")}, so clients can read what a field
 * costs, and {@link OperationShape} reads it from the schema to count an operation's calls against
 * {@code partnero.limits.max-upstream-calls} before it runs: nested fields of one object that call one
 * endpoint make one call together, none when that endpoint produced the object itself.
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

    /** The endpoint called, as {@code GET /path} with {@code {placeholders}}: what makes two fields one call. */
    @NonNull
    String endpoint();
}
