package partnero.gateway.graph;

import java.math.BigDecimal;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import partnero.gateway.engine.AccessorFields;

/** An amount in one currency. */
@AccessorFields
@Type("Money")
@Description("An amount in one currency, exactly as Partnero wrote it.")
public record Money(
        @NonNull @Description("The amount, unrounded (29.997 stays 29.997).") BigDecimal amount,
        @Description("The currency's code, such as EUR.") String currency) {
}
