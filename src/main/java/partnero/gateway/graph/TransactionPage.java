package partnero.gateway.graph;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import partnero.gateway.customer.PageInfo;
import partnero.gateway.engine.AccessorFields;

/** One page of transactions with its position in the list. */
@AccessorFields
@Type("TransactionPage")
@Description("One page of transactions.")
public record TransactionPage(
        @NonNull @Description("The transactions on this page, in the order Partnero returns them.") List<@NonNull Transaction> items,
        @NonNull @Description("Where this page sits in the list.") PageInfo pageInfo) {
}
