package partnero.gateway.customer;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import partnero.gateway.engine.AccessorFields;

/** One page of customers with its position in the list. */
@AccessorFields
@Type("CustomerPage")
@Description("One page of the program's customers.")
public record CustomerPage(
        @NonNull @Description("The customers on this page, in the order Partnero returns them.") List<@NonNull Customer> items,
        @NonNull @Description("Where this page sits in the list.") PageInfo pageInfo) {
}
