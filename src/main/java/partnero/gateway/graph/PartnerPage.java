package partnero.gateway.graph;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import partnero.gateway.customer.PageInfo;
import partnero.gateway.engine.AccessorFields;

/** One page of partners with its position in the list. */
@AccessorFields
@Type("PartnerPage")
@Description("One page of the program's partners.")
public record PartnerPage(
        @NonNull @Description("The partners on this page, in the order Partnero returns them.") List<@NonNull Partner> items,
        @NonNull @Description("Where this page sits in the list.") PageInfo pageInfo) {
}
